"""Run one command and write its wall time, peak RSS and exit code as JSON to a file.

    python -S bench/measure_child.py RESULT.json COMMAND [ARGS...]

run.py starts this small launcher instead of the command itself because Linux carries a
process's peak RSS across fork and exec: a child forked straight from run.py would report
run.py's own peak (hundreds of MB after generating 100,000 entries) as its own. Forked from
this launcher, it starts from a few MB, below anything we measure. The time is taken here,
so the launcher's own start-up is not counted.
"""

from __future__ import annotations

import json
import os
import sys
import time


def main(result_path: str, argv: list[str]) -> int:
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.execv(argv[0], argv)
        except OSError as error:
            print(f"cannot run {argv[0]}: {error}", file=sys.stderr)
        os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    exit_code = os.waitstatus_to_exitcode(status)
    sample = {"seconds": seconds, "maxrss": usage.ru_maxrss, "exit_code": exit_code}
    with open(result_path, "w", encoding="utf-8") as file:
        json.dump(sample, file)
    return exit_code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
