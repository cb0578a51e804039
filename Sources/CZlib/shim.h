// zlib from the system (Debian: zlib1g-dev), for inflating zip entries.
#include <zlib.h>

// inflateInit2 is a macro Swift cannot call: raw deflate (no zlib header), as zip stores it.
static inline int onewindow_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
