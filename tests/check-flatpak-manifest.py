#!/usr/bin/env python3
"""Check the Flatpak manifest without building it.

    tests/check-flatpak-manifest.py [MANIFEST [MESON_OPTIONS]]

The manifest is built only where a Flatpak runtime can be reached; this
check runs everywhere and catches what would make that build fail or the
sandbox too wide:

- the manifest is valid JSON, with the application id, a GNOME runtime and
  SDK of the same version, and the command relance;
- every module has a name and sources, and every archive or file source is
  pinned: a URL and a sha256 of 64 hexadecimal digits;
- finish-args give no access to the home directory or the host file
  system (the documents portal serves the files the user chooses);
- every -D option that the manifest passes to the relance module exists in
  meson_options.txt.

Python standard library only.
"""

import json
import os
import re
import sys

APP_ID = "io.github.relance.Relance"
HEX64 = re.compile(r"^[0-9a-f]{64}$")
FORBIDDEN_FILESYSTEMS = ("home", "host", "host-os", "host-etc")


def meson_option_names(path):
    """Names declared by option('NAME', ...) in a meson_options.txt."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    # Strip comments, which may mention options that do not exist.
    text = re.sub(r"#[^\n]*", "", text)
    return set(re.findall(r"\boption\s*\(\s*'([^']+)'", text))


def iter_modules(modules, problems, where="modules"):
    """Yield every module object, nested ones included."""
    for index, module in enumerate(modules):
        if isinstance(module, str):
            # A module kept in its own file; the check does not follow it.
            problems.append(f"{where}[{index}]: module in a separate file "
                            f"{module!r} is not checked")
            continue
        yield module
        yield from iter_modules(module.get("modules", []), problems,
                                f"{where}[{index}].modules")


def check_sources(module, problems):
    name = module.get("name", "?")
    sources = module.get("sources")
    if not isinstance(sources, list) or not sources:
        problems.append(f"module {name}: no sources")
        return
    for source in sources:
        if not isinstance(source, dict):
            problems.append(f"module {name}: source {source!r} in a separate "
                            "file is not checked")
            continue
        kind = source.get("type")
        if kind in ("archive", "file"):
            url = source.get("url")
            if not url and kind == "file" and source.get("path"):
                continue  # a file of this repository
            if not isinstance(url, str) or not url.startswith("https://"):
                problems.append(f"module {name}: {kind} source without an "
                                f"https URL: {url!r}")
            sha = source.get("sha256")
            if not isinstance(sha, str) or not HEX64.match(sha):
                problems.append(f"module {name}: {kind} source {url} has no "
                                f"sha256 of 64 lower-case hex digits: {sha!r}")
        elif kind == "git":
            if not (source.get("commit") or source.get("tag")):
                problems.append(f"module {name}: git source not pinned to a "
                                "commit or tag")
        elif kind == "dir":
            if not source.get("path"):
                problems.append(f"module {name}: dir source without a path")
        elif kind is None:
            problems.append(f"module {name}: source without a type")


def check_finish_args(manifest, problems):
    args = manifest.get("finish-args", [])
    if not isinstance(args, list):
        problems.append("finish-args is not a list")
        return
    for arg in args:
        match = re.match(r"^--filesystem=([^:/]+)(.*)$", arg)
        if match and match.group(1) in FORBIDDEN_FILESYSTEMS:
            problems.append(f"finish-args: {arg} gives access to the "
                            "user's files; use the documents portal")
        if arg.startswith("--filesystem=~") or arg == "--filesystem=/":
            problems.append(f"finish-args: {arg} gives access to the "
                            "user's files; use the documents portal")
    for needed in ("--share=ipc", "--socket=wayland",
                   "--socket=fallback-x11", "--device=dri"):
        if needed not in args:
            problems.append(f"finish-args: {needed} is missing")
    if "--socket=x11" in args:
        problems.append("finish-args: use --socket=fallback-x11, "
                        "not --socket=x11")


def check_meson_options(module, options, problems):
    for opt in module.get("config-opts", []):
        if not opt.startswith("-D"):
            continue
        name = opt[2:].split("=", 1)[0]
        # Built-in meson options (buildtype, b_lto…) are not declared in
        # meson_options.txt.
        if name in BUILTIN_MESON_OPTIONS or name.startswith("b_"):
            continue
        if name not in options:
            problems.append(f"module {module.get('name')}: {opt} is not an "
                            "option of meson_options.txt")


BUILTIN_MESON_OPTIONS = {
    "buildtype", "debug", "optimization", "prefix", "libdir", "bindir",
    "datadir", "localedir", "sysconfdir", "werror", "warning_level",
    "default_library", "strip", "c_std", "c_args", "c_link_args",
    "wrap_mode", "force_fallback_for", "unity", "layout", "backend",
}


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    top = os.path.dirname(here)
    manifest_path = argv[1] if len(argv) > 1 else os.path.join(
        top, "flatpak", APP_ID + ".json")
    options_path = argv[2] if len(argv) > 2 else os.path.join(
        top, "meson_options.txt")

    problems = []
    try:
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{manifest_path}: {e}", file=sys.stderr)
        return 1
    if not isinstance(manifest, dict):
        print(f"{manifest_path}: not a JSON object", file=sys.stderr)
        return 1

    app_id = manifest.get("id", manifest.get("app-id"))
    if app_id != APP_ID:
        problems.append(f"id is {app_id!r}, expected {APP_ID!r}")
    if os.path.basename(manifest_path) != APP_ID + ".json":
        problems.append(f"the manifest should be named {APP_ID}.json")
    if manifest.get("runtime") != "org.gnome.Platform":
        problems.append("runtime is not org.gnome.Platform")
    if manifest.get("sdk") != "org.gnome.Sdk":
        problems.append("sdk is not org.gnome.Sdk")
    version = str(manifest.get("runtime-version", ""))
    if not version.isdigit() or int(version) < 47:
        problems.append(f"runtime-version {version!r} is not 47 or later")
    if manifest.get("command") != "relance":
        problems.append("command is not relance")

    check_finish_args(manifest, problems)

    options = meson_option_names(options_path)
    modules = list(iter_modules(manifest.get("modules", []), problems))
    if not modules:
        problems.append("no modules")
    names = [m.get("name") for m in modules]
    for module in modules:
        if not module.get("name"):
            problems.append(f"a module has no name: {module!r}")
        check_sources(module, problems)
    if "relance" not in names:
        problems.append("no module named relance")
    elif names[-1] != "relance":
        problems.append("the relance module is not the last one")
    for module in modules:
        if module.get("name") == "relance":
            if module.get("buildsystem") != "meson":
                problems.append("module relance is not built with meson")
            check_meson_options(module, options, problems)

    for problem in problems:
        print(f"{manifest_path}: {problem}", file=sys.stderr)
    if problems:
        return 1
    archives = sum(1 for m in modules for s in m.get("sources", [])
                   if isinstance(s, dict) and s.get("type") == "archive")
    print(f"{os.path.basename(manifest_path)}: {len(modules)} modules, "
          f"{archives} pinned archives, finish-args and meson options OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
