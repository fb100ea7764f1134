"""What `cmake --install` puts on a Linux system, checked with the validators distributions use."""
import configparser
import gzip
import os
import shutil
import struct
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ElementTree
from pathlib import Path

BUILD_DIR = os.environ["BUILD_DIR"]
APP_ID = os.environ["APP_ID"]
VERSION = os.environ["PROJECT_VERSION"]
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def run(*command):
    return subprocess.run(command, capture_output=True, text=True, check=False)


def png_size(path):
    header = Path(path).read_bytes()[:24]
    if header[:8] != b"\x89PNG\r\n\x1a\n" or header[12:16] != b"IHDR":
        raise AssertionError(f"{path} is not a PNG file")
    return struct.unpack(">II", header[16:24])


class InstalledFilesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.prefix_dir = tempfile.mkdtemp(prefix="aws-sso-tray-install-")
        cls.prefix = Path(cls.prefix_dir)
        result = run(os.environ["CMAKE_COMMAND"], "--install", BUILD_DIR, "--prefix", cls.prefix_dir)
        if result.returncode != 0:
            raise AssertionError(f"cmake --install failed:\n{result.stdout}{result.stderr}")
        cls.share = cls.prefix / "share"
        cls.desktop_file = cls.share / "applications" / f"{APP_ID}.desktop"
        cls.metainfo_file = cls.share / "metainfo" / f"{APP_ID}.metainfo.xml"

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.prefix_dir, ignore_errors=True)

    def test_desktop_entry_is_valid_and_starts_the_installed_program(self):
        result = run("desktop-file-validate", str(self.desktop_file))
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(result.stdout + result.stderr, "", "desktop-file-validate has remarks")
        entry = configparser.ConfigParser(interpolation=None)
        entry.optionxform = str
        entry.read(self.desktop_file, encoding="utf-8")
        section = entry["Desktop Entry"]
        self.assertEqual(section["Icon"], APP_ID)
        program = section["Exec"].split()[0]
        self.assertTrue((self.prefix / "bin" / program).is_file(), f"Exec={program} is not installed in bin/")

    def test_metainfo_is_valid_and_names_this_release(self):
        result = run("appstreamcli", "validate", "--no-net", "--no-color", str(self.metainfo_file))
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        component = ElementTree.parse(self.metainfo_file).getroot()
        self.assertEqual(component.findtext("id"), APP_ID)
        self.assertEqual(component.findtext("launchable[@type='desktop-id']"), f"{APP_ID}.desktop")
        self.assertEqual(component.findtext("icon[@type='stock']"), APP_ID)
        binary = component.findtext("provides/binary")
        self.assertTrue((self.prefix / "bin" / binary).is_file(), f"provided binary {binary} is not installed")
        self.assertEqual(component.find("releases/release").get("version"), VERSION,
                         "the newest <release> in the metainfo is not the project version")
        self.assertIsNotNone(component.find("content_rating"))

    def test_icons_in_every_size(self):
        icons = self.share / "icons" / "hicolor"
        svg = icons / "scalable" / "apps" / f"{APP_ID}.svg"
        self.assertTrue(svg.is_file(), f"{svg} is not installed")
        ElementTree.parse(svg)
        for size in ICON_SIZES:
            png = icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
            self.assertTrue(png.is_file(), f"{png} is not installed")
            self.assertEqual(png_size(png), (size, size), png)

    def test_package_documents(self):
        doc = self.share / "doc" / "aws-sso-tray"
        copyright_text = (doc / "copyright").read_text(encoding="utf-8")
        self.assertTrue(copyright_text.startswith("Format: https://www.debian.org/doc/packaging-manuals/"))
        changelog = doc / "changelog.gz"
        with gzip.open(changelog, "rt", encoding="utf-8") as file:
            text = file.read()
        with tempfile.NamedTemporaryFile("w", suffix=".changelog", encoding="utf-8") as plain:
            plain.write(text)
            plain.flush()
            result = run("dpkg-parsechangelog", "-l", plain.name, "-S", "Version")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.strip(), VERSION, "the newest changelog entry is not the project version")


if __name__ == "__main__":
    unittest.main()
