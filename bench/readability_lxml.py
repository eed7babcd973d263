"""readability_lxml.py — the Python peer lede is measured against:
readability-lxml (Debian's python3-readability), the Readability port on
lxml, which parses with libxml2 as lede does.

    /usr/bin/python3 bench/readability_lxml.py FILE...

bench/run installs python3-readability with apt-get and runs this over the
same pages as lede, in one Python process. The files are read (as bytes, so
that readability-lxml finds the encoding itself, as lede does) before the
clocks start, and the clocks cover only what an extractor must do per page:
Document(html).summary(), which parses the page with lxml and extracts the
article. Python's start-up and the imports are left out, which favours the
peer. Prints "SECONDS seconds PAGES pages BYTES bytes CPU cpu", as
readability.js does plus the CPU seconds (user + system) of the same span,
then the articles found and the pages that raised.
"""

import os
import sys
import time

from readability import Document


def main(files):
    pages = []
    for name in files:
        with open(name, "rb") as f:
            pages.append(f.read())
    size = sum(len(html) for html in pages)

    # A page on which lxml or readability raises (an empty or undecodable
    # document does) counts as a failure, with its time kept in the total.
    articles = 0
    failures = 0
    wall_start = time.perf_counter()
    cpu_start = time.process_time()
    for html in pages:
        try:
            if Document(html).summary().strip():
                articles += 1
        except Exception:  # any failure of the peer is counted, not fatal
            failures += 1
    cpu = time.process_time() - cpu_start
    wall = time.perf_counter() - wall_start

    print(
        f"{wall:.6f} seconds {len(pages)} pages {size} bytes {cpu:.6f} cpu "
        f"{articles} articles {failures} failures"
    )


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(f"usage: {os.path.basename(sys.argv[0])} FILE...")
    main(sys.argv[1:])
