#!/usr/bin/env python3
"""Runs the shell examples of the README and the guides, in order, on a fresh registry.

    scripts/run-doc-examples.py --binary .build/debug/onewindow README.md Documentation/ClerkGuide.md

Every ```sh block of a document runs, in order, in one bash session per document (so an
`export` of one block holds in the next), in a new temporary folder holding links to the
copies of the repository's SampleFilings/, Schemas/, Data/ and scripts/, with `onewindow` on PATH (the binary given) and
no registry until a block makes one. `swift run onewindow` in a block runs that binary too.

Conventions a document follows:
  - A block right after the line `<!-- not run: REASON -->` is skipped (and reported as such).
  - A command whose comment starts with `exit N` (`onewindow validate bad.xml   # exit 1: ...`)
    must exit N; every other command must exit 0.
  - `onewindow serve ...` starts in the background on a free port; `127.0.0.1:8080` in the
    document means that port. The service is stopped when the document's blocks end.

Prints one JSON object: {document: {"ran": [block names], "skipped": [names],
"failure": null or {"block", "command", "status", "expected", "output"}}}. Exit 0 when every
document passed.
"""
import argparse
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXIT_COMMENT = re.compile(r"#\s*exit (\d+)\b")


def blocks(path):
    """(name, lines, skipped reason) for every ```sh block, named by heading and position."""
    heading, count, found = "", {}, []
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    previous = ""
    while i < len(lines):
        line = lines[i]
        if line.startswith("#") and not line.startswith("#!"):
            heading = line.lstrip("#").strip()
        if line.strip() == "```sh":
            body = []
            i += 1
            while i < len(lines) and lines[i].strip() != "```":
                body.append(lines[i])
                i += 1
            count[heading] = count.get(heading, 0) + 1
            name = f"{os.path.basename(path)} § {heading} #{count[heading]}"
            skip = re.match(r"<!-- not run: (.*) -->", previous.strip())
            found.append((name, body, skip.group(1) if skip else None))
        if line.strip():
            previous = line
        i += 1
    return found


def commands(body):
    """Logical command lines (continuations joined), without blank and comment-only lines."""
    result, current = [], ""
    for line in body:
        if current:
            current += "\n" + line
        elif not line.strip() or line.lstrip().startswith("#"):
            continue
        else:
            current = line
        if current.endswith("\\"):
            continue
        # An open single quote (a JSON body over several lines) continues too.
        if current.count("'") % 2 == 1:
            continue
        result.append(current)
        current = ""
    if current:
        result.append(current)
    return result


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def comment_of(command):
    """The trailing comment of a command's last line, outside quotes."""
    last = command.split("\n")[-1]
    try:
        lexer = shlex.shlex(last, posix=True, punctuation_chars=False)
        lexer.commenters = ""
        lexer.whitespace_split = True
        list(lexer)
    except ValueError:
        return ""
    match = re.search(r"\s#\s.*$", last)
    return match.group(0).strip() if match else ""


def script_for(document, port):
    """The bash script, the blocks run and skipped, and the (block, command) of each index."""
    ran, skipped, steps = [], [], []
    out = [
        "set -u",
        "serve_pids=()",
        "stop_serving() { for p in \"${serve_pids[@]}\"; do kill $p 2>/dev/null; wait $p 2>/dev/null; done; return 0; }",
        "trap stop_serving EXIT",
        "wait_for_port() { for i in $(seq 1 300); do (exec 3<>/dev/tcp/127.0.0.1/%d) 2>/dev/null && return 0; sleep 0.1; done; return 1; }" % port,
    ]
    for name, body, skip in blocks(document):
        if skip is not None:
            skipped.append(f"{name} ({skip})")
            continue
        ran.append(name)
        for command in commands(body):
            text = re.sub(r"^swift run onewindow\b", "onewindow", command)
            text = text.replace("127.0.0.1:8080", f"127.0.0.1:{port}")
            match = EXIT_COMMENT.search(comment_of(text))
            expected = int(match.group(1)) if match else 0
            steps.append((name, command))
            index = len(steps) - 1
            if re.match(r"^\s*onewindow serve\b", text):
                line = re.sub(r"\s#\s.*$", "", text.split("\n")[-1])
                text = "\n".join(text.split("\n")[:-1] + [line])
                # One service at a time: a later `serve` in the document replaces the earlier one.
                out.append("stop_serving; serve_pids=()")
                out.append(f"{text} --port {port} >>serve.log 2>&1 & serve_pids+=($!)")
                out.append(f"wait_for_port || {{ echo '@@FAIL {index} 1 0' >&2; cat serve.log >&2; exit 1; }}")
                continue
            out.append(f"echo '@@RUN {index}' >>examples.log")
            out.append(f"{{ {text}\n}} >>examples.log 2>&1")
            out.append(
                f"status=$?; if [ $status -ne {expected} ]; then echo \"@@FAIL {index} $status {expected}\" >&2; exit 1; fi")
    return "\n".join(out) + "\n", ran, skipped, steps


def run(document, binary):
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="ow-examples-") as folder:
        # Copies, not links: a folder walk does not follow a link (and a document may write).
        for name in ["SampleFilings", "Schemas", "Data", "scripts"]:
            shutil.copytree(os.path.join(ROOT, name), os.path.join(folder, name), symlinks=True)
        bindir = os.path.join(folder, ".bin")
        os.mkdir(bindir)
        os.symlink(os.path.abspath(binary), os.path.join(bindir, "onewindow"))
        script, ran, skipped, steps = script_for(document, port)
        env = {k: v for k, v in os.environ.items() if not k.startswith("ONEWINDOW_")}
        env.update({
            "PATH": bindir + os.pathsep + env.get("PATH", ""),
            "HOME": folder,
            "XDG_DATA_HOME": os.path.join(folder, ".local/share"),
            "ONEWINDOW_SCHEMAS": os.path.join(ROOT, "Schemas"),
            "ONEWINDOW_DATA": os.path.join(ROOT, "Data"),
        })
        result = subprocess.run(["bash", "-c", script], cwd=folder, env=env, capture_output=True,
                                text=True, timeout=600)
        failure = None
        if result.returncode != 0:
            match = re.search(r"@@FAIL (\d+) (\d+) (\d+)", result.stderr)
            log = open(os.path.join(folder, "examples.log"), encoding="utf-8", errors="replace").read() \
                if os.path.exists(os.path.join(folder, "examples.log")) else ""
            tail = log.split("@@RUN ")[-1][-3000:]
            if match:
                block, command = steps[int(match.group(1))]
                failure = {"block": block, "command": command,
                           "status": int(match.group(2)), "expected": int(match.group(3)),
                           "output": tail + result.stderr[-2000:]}
            else:
                failure = {"block": "", "command": "", "status": result.returncode, "expected": 0,
                           "output": tail + result.stderr[-2000:]}
        return {"ran": ran, "skipped": skipped, "failure": failure}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("documents", nargs="+")
    args = parser.parse_args()
    results = {document: run(os.path.join(ROOT, document), args.binary) for document in args.documents}
    print(json.dumps(results, ensure_ascii=False, indent=2))
    return 0 if all(r["failure"] is None for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
