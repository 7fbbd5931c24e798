// Reads the pixels of a PNG screenshot for the browser test (Export-AmlAccessReport.Tests.ps1), with no image library:
// System.Drawing is Windows-only on .NET 7+. PNG (https://www.w3.org/TR/png-3/): an 8-byte signature, then chunks
// (length, type, data, CRC); IHDR gives the size and pixel format, the IDAT data concatenated is one zlib stream of
// scanlines, each a filter byte (None, Sub, Up, Average, Paeth) then the filtered bytes. 8-bit RGB and RGBA only,
// which is what Chromium writes; anything else is refused rather than misread.
using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace AmlRbac.PesterSupport
{
    public sealed class PngPixels
    {
        public int Width { get; private set; }
        public int Height { get; private set; }
        /// <summary>Pixels that are not white (any channel below 250).</summary>
        public long NonWhite { get; private set; }
        /// <summary>Every colour seen, as 0xRRGGBB.</summary>
        public HashSet<int> Colours { get; } = new HashSet<int>();

        public static PngPixels Read(string path)
        {
            var bytes = File.ReadAllBytes(path);
            var signature = new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 };
            for (var i = 0; i < signature.Length; i++)
            {
                if (bytes.Length <= i || bytes[i] != signature[i]) throw new InvalidDataException(path + " is not a PNG file.");
            }
            int width = 0, height = 0, channels = 0;
            var data = new MemoryStream();
            for (var at = 8; at + 8 <= bytes.Length;)
            {
                var length = (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
                var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
                var start = at + 8;
                if (type == "IHDR")
                {
                    width = BigEndian(bytes, start);
                    height = BigEndian(bytes, start + 4);
                    var depth = bytes[start + 8];
                    var colourType = bytes[start + 9];
                    var interlace = bytes[start + 12];
                    if (depth != 8 || (colourType != 2 && colourType != 6) || interlace != 0)
                        throw new InvalidDataException($"{path}: only 8-bit, non-interlaced RGB or RGBA is read (depth {depth}, colour type {colourType}, interlace {interlace}).");
                    channels = colourType == 6 ? 4 : 3;
                }
                else if (type == "IDAT")
                {
                    data.Write(bytes, start, length);
                }
                else if (type == "IEND")
                {
                    break;
                }
                at = start + length + 4;
            }
            if (channels == 0) throw new InvalidDataException(path + " has no IHDR chunk.");
            data.Position = 0;
            var raw = new MemoryStream();
            using (var zlib = new ZLibStream(data, CompressionMode.Decompress))
            {
                zlib.CopyTo(raw);
            }
            var scanlines = raw.ToArray();
            var stride = width * channels;
            if (scanlines.Length < (long)height * (stride + 1)) throw new InvalidDataException($"{path}: the image data is shorter than {width}x{height}.");
            var result = new PngPixels { Width = width, Height = height };
            var previous = new byte[stride];
            var row = new byte[stride];
            for (var y = 0; y < height; y++)
            {
                var offset = y * (stride + 1);
                var filter = scanlines[offset];
                for (var x = 0; x < stride; x++)
                {
                    var value = scanlines[offset + 1 + x];
                    var left = x >= channels ? row[x - channels] : 0;
                    var up = previous[x];
                    var upLeft = x >= channels ? previous[x - channels] : 0;
                    row[x] = filter switch
                    {
                        0 => value,
                        1 => (byte)(value + left),
                        2 => (byte)(value + up),
                        3 => (byte)(value + ((left + up) >> 1)),
                        4 => (byte)(value + Paeth(left, up, upLeft)),
                        _ => throw new InvalidDataException($"{path}: scanline {y} has filter {filter}."),
                    };
                }
                for (var x = 0; x < stride; x += channels)
                {
                    int r = row[x], g = row[x + 1], b = row[x + 2];
                    result.Colours.Add((r << 16) | (g << 8) | b);
                    if (r < 250 || g < 250 || b < 250) result.NonWhite++;
                }
                (previous, row) = (row, previous);
            }
            return result;
        }

        private static int BigEndian(byte[] bytes, int at) => (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];

        private static int Paeth(int a, int b, int c)
        {
            var p = a + b - c;
            int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
    }
}
