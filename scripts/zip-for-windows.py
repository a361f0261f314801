#!/usr/bin/env python3
"""Zips a folder for Windows users: the folder itself is the top entry, and Chinese file names
read right both in Windows' own "Extract all" and in other tools. A name is stored in GBK
(code page 936, what Chinese Windows' built-in zip reads) with the UTF-8 name in an Info-ZIP
Unicode Path extra field (0x7075, APPNOTE 4.6.9) for every other tool.

usage: zip-for-windows.py FOLDER OUTPUT.zip
"""
import os, struct, sys, time, zipfile, zlib


class GbkName(zipfile.ZipInfo):
    """A zip entry whose name is written in GBK without the UTF-8 flag."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits


def entry(arcname, date_time):
    gbk = arcname.encode("gbk")
    info = GbkName(arcname, date_time)
    if not arcname.isascii():
        utf8 = arcname.encode("utf-8")
        field = struct.pack("<BI", 1, zlib.crc32(gbk)) + utf8
        info.extra = struct.pack("<HH", 0x7075, len(field)) + field
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 0  # MS-DOS/Windows attributes
    return info


def main():
    folder, output = sys.argv[1].rstrip("/"), sys.argv[2]
    top = os.path.basename(folder)
    with zipfile.ZipFile(output, "w", compresslevel=9) as archive:
        for base, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(base, name)
                arcname = top + "/" + os.path.relpath(path, folder).replace(os.sep, "/")
                mtime = os.path.getmtime(path)
                date_time = time.localtime(mtime)[:6]
                with open(path, "rb") as f:
                    archive.writestr(entry(arcname, date_time), f.read(), compresslevel=9)


if __name__ == "__main__":
    main()
