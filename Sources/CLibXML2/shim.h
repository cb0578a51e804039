#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>

/* Debian's libxml2 is built with ICU: libxml/encoding.h includes <unicode/ucnv.h> only to
 * declare two pointer fields. Swift's Foundation carries its own ICU (_FoundationICU); when both
 * are visible in one module graph a clean build fails with "'UErrorCode' has different
 * definitions in different modules". Declare the two types encoding.h needs and mark the ICU
 * header as already included. Layouts are unchanged: UConverter is only used through pointers. */
#if defined(LIBXML_ICU_ENABLED) && !defined(UCNV_H)
#define UCNV_H 1
#include <stdint.h>
typedef struct UConverter UConverter;
#if defined(__CHAR16_TYPE__)
typedef __CHAR16_TYPE__ UChar;
#else
typedef uint16_t UChar;
#endif
#endif

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/encoding.h>

/* xmlFree is a global function-pointer variable, which Swift 6 rejects as shared mutable state. */
static inline void onewindow_xml_free(void *pointer) { xmlFree(pointer); }

/* xmlParserVersion is a thread-local macro that does not import into Swift. */
static inline const char *onewindow_xml_runtime_version(void) { return xmlParserVersion; }

/* Generic (unstructured) libxml2 errors go to stderr by default. Everything we need arrives
 * through the structured handlers; this sink keeps the rest off the terminal. A C variadic
 * function cannot be written in Swift, hence here. */
static inline void onewindow_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/* The calling thread's error handlers, saved around each OneWindow call into libxml2 and put
 * back afterwards, so a host application's own handlers are never reset. */
typedef struct {
    xmlStructuredErrorFunc structured;
    void *structuredContext;
    xmlGenericErrorFunc generic;
    void *genericContext;
} onewindow_error_handlers;

/* How deep the calling thread is inside OneWindow's libxml2 calls: the entity loader applies
 * OneWindow's guard only then, and the host's loader otherwise. */
static _Thread_local int onewindow_call_depth = 0;

static inline int onewindow_in_call(void) { return onewindow_call_depth > 0; }

/* Enters a OneWindow call: saves the thread's handlers, installs `structured` (with `context`)
 * and a silent generic sink. */
static inline onewindow_error_handlers onewindow_enter(xmlStructuredErrorFunc structured, void *context) {
    onewindow_error_handlers saved = {
        xmlStructuredError, xmlStructuredErrorContext, xmlGenericError, xmlGenericErrorContext };
    onewindow_call_depth += 1;
    xmlSetStructuredErrorFunc(context, structured);
    xmlSetGenericErrorFunc(NULL, onewindow_ignore_generic_error);
    return saved;
}

/* The calling thread's structured-error context and generic-error context (for tests that check
 * a host's handlers are left alone). */
static inline void *onewindow_structured_context(void) { return xmlStructuredErrorContext; }
static inline void *onewindow_generic_context(void) { return xmlGenericErrorContext; }

/* Installs silent handlers with these contexts, as a host application installs its own (tests). */
static inline void onewindow_install_host_handlers(void *structured, void *generic) {
    xmlSetStructuredErrorFunc(structured, NULL);
    xmlSetGenericErrorFunc(generic, onewindow_ignore_generic_error);
}

/* Leaves a OneWindow call: the thread's handlers as they were. */
static inline void onewindow_leave(onewindow_error_handlers saved) {
    xmlSetStructuredErrorFunc(saved.structuredContext, saved.structured);
    xmlSetGenericErrorFunc(saved.genericContext, saved.generic);
    onewindow_call_depth -= 1;
}

#endif
