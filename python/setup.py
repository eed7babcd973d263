"""Build hooks of the lede package (the metadata is in pyproject.toml).

``pip install --no-build-isolation ./python`` puts liblede.so.0 inside the
package, next to lede/__init__.py, where lede looks for it first after
LEDE_LIBRARY. Which library, in this order:

- LEDE_LIBRARY, when set at install time: that file (e.g. build/liblede.so.0
  of a tree already built);
- else, when the package is built from lede's source tree (../CMakeLists.txt
  is there) and cmake is found: the library built now, with CMake, in
  python/build/cmake (the dependencies of scripts/install-deps);
- LEDE_BUNDLE=0 skips both: the package then uses an installed liblede
  (cmake --install and ldconfig; see the README's "Install").

The egg-info setuptools writes goes to python/build/, not into the tree.
"""
import os
import shutil
import subprocess
import sys

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.egg_info import egg_info
from setuptools.dist import Distribution

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)
LIBRARY = "liblede.so.0"


def log(message):
    sys.stderr.write("lede setup: %s\n" % message)


def built_library(build_dir):
    """Build liblede with CMake from the source tree; its path, or None."""
    if not os.path.isfile(os.path.join(SOURCE, "CMakeLists.txt")) or \
            not os.path.isfile(os.path.join(SOURCE, "include", "lede.h")):
        log("not in lede's source tree: no library built (set LEDE_LIBRARY to bundle one)")
        return None
    cmake = shutil.which("cmake")
    if not cmake:
        log("cmake not found: no library built (set LEDE_LIBRARY to bundle one)")
        return None
    jobs = os.environ.get("LEDE_BUILD_JOBS", "2")
    subprocess.check_call([cmake, "-S", SOURCE, "-B", build_dir, "-DCMAKE_BUILD_TYPE=Release",
                           "-DBUILD_TESTING=OFF"])
    subprocess.check_call([cmake, "--build", build_dir, "--target", "lede", "-j", jobs])
    path = os.path.join(build_dir, LIBRARY)
    return path if os.path.isfile(path) else None


class BuildPy(build_py):
    """build_py, plus liblede.so.0 copied into the built package."""

    def run(self):
        super().run()
        if os.environ.get("LEDE_BUNDLE", "1") == "0":
            log("LEDE_BUNDLE=0: no library in the package; lede will load an installed liblede")
            return
        source = os.environ.get("LEDE_LIBRARY")
        if source:
            if not os.path.isfile(source):
                raise SystemExit("lede setup: LEDE_LIBRARY=%s is not a file" % source)
        else:
            source = built_library(os.path.join(HERE, "build", "cmake"))
        if source:
            target = os.path.join(self.build_lib, "lede", LIBRARY)
            shutil.copyfile(os.path.realpath(source), target)
            os.chmod(target, 0o755)
            log("bundled %s as %s" % (source, target))


class EggInfo(egg_info):
    """egg_info into python/build/ rather than next to setup.py."""

    def initialize_options(self):
        super().initialize_options()
        base = os.path.join(HERE, "build")
        os.makedirs(base, exist_ok=True)
        self.egg_base = os.path.relpath(base, os.getcwd())


class BinaryDistribution(Distribution):
    """The package carries a shared library: a platform wheel, not 'any'."""

    def has_ext_modules(self):
        return os.environ.get("LEDE_BUNDLE", "1") != "0"


setup(cmdclass={"build_py": BuildPy, "egg_info": EggInfo}, distclass=BinaryDistribution)
