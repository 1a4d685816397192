#!/usr/bin/python3
"""Reads Care Reader's window the way a screen reader (Orca) does: over AT-SPI.

Used by src-tauri/tests/atspi.rs, which runs it inside a private D-Bus session
(dbus-run-session) on an Xvfb display. It starts the app, finds it on the
AT-SPI desktop by process id, and performs the steps given on the command
line, printing one JSON object per `dump` step on standard output:

    atspi_tree.py APP DATA_DIR STEP...
      dump:LABEL:NAME   wait (up to 30 s) until an object named NAME is in the
                        tree, then print {"label": LABEL, "nodes": [...]}, each
                        node {"depth", "role", "name", "states", "attrs"}
      press:NAME        run the default action of the push button named NAME
                        (what Orca does on Enter), through AT-SPI's Action
                        interface

Needs python3-pyatspi (Debian's /usr/bin/python3). Ends the app it started,
by process id, whatever happens.
"""

import json
import os
import subprocess
import sys
import time

import pyatspi

WAIT_SECONDS = 30


def app_of(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        child = desktop.getChildAtIndex(i)
        try:
            if child is not None and child.get_process_id() == pid:
                return child
        except Exception:  # an application that left meanwhile
            continue
    return None


def walk(node, depth=0, out=None):
    out = [] if out is None else out
    try:
        states = node.getState().getStates()
        attrs = node.getAttributes() or []
        out.append({
            "depth": depth,
            "role": node.getRoleName(),
            "name": node.name or "",
            "states": sorted(pyatspi.stateToString(s) for s in states),
            "attrs": dict(a.split(":", 1) for a in attrs if ":" in a),
        })
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is not None:
                walk(child, depth + 1, out)
    except Exception as e:  # a node that went away while we read it
        out.append({"depth": depth, "role": "error", "name": str(e), "states": [], "attrs": {}})
    return out


def find(node, pred):
    try:
        if pred(node):
            return node
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is not None:
                hit = find(child, pred)
                if hit is not None:
                    return hit
    except Exception:
        pass
    return None


def wait_for(pid, pred, what):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        app = app_of(pid)
        hit = app is not None and find(app, pred)
        if hit:
            return app, hit
        time.sleep(0.2)
    app = app_of(pid)
    tree = walk(app) if app is not None else []
    sys.exit(f"atspi_tree: no {what} within {WAIT_SECONDS} s; the tree: {json.dumps(tree, ensure_ascii=False)}")


def main():
    app_bin, data_dir, steps = sys.argv[1], sys.argv[2], sys.argv[3:]
    env = dict(os.environ)
    # Either would switch the accessibility bridge off.
    env.pop("NO_AT_BRIDGE", None)
    env.pop("GTK_A11Y", None)
    app = subprocess.Popen([app_bin, "--data-dir", data_dir], env=env,
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    try:
        for step in steps:
            kind, _, rest = step.partition(":")
            if kind == "dump":
                label, _, name = rest.partition(":")
                root, _ = wait_for(app.pid, lambda n: n.name == name, f"object named {name!r}")
                print(json.dumps({"label": label, "nodes": walk(root)}, ensure_ascii=False), flush=True)
            elif kind == "press":
                _, button = wait_for(
                    app.pid,
                    lambda n: n.getRoleName() == "push button" and n.name == rest,
                    f"push button {rest!r}",
                )
                action = button.queryAction()
                action.doAction(0)
            else:
                sys.exit(f"atspi_tree: unknown step {step!r}")
    finally:
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()


if __name__ == "__main__":
    main()
