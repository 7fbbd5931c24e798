using System.Text;
using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// A JSON text read forward from a stream with <see cref="Utf8JsonReader"/>, one value at a time, through a
/// buffer that holds only the values being read: a snapshot of a million assignments is never in memory as
/// text or as a document (issue #16). A value is handed out only once it is wholly in the buffer, so its
/// reader never runs out of data; a syntax error throws <see cref="JsonException"/> with the line and byte
/// position counted over the whole text, as <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/> does.
/// </summary>
internal sealed class JsonStream
{
    private readonly Stream _stream;
    // Field names as one string each for the whole text (see JsonValues.From).
    private readonly FieldNames _names = new();
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _length;
    private bool _final;
    private JsonReaderState _state;

    /// <param name="stream">The text, read from its current position; UTF-8, or UTF-16/32 with a byte order mark.</param>
    public JsonStream(Stream stream)
    {
        _stream = WithoutByteOrderMark(stream);
    }

    /// <summary>The next token, consumed; <paramref name="text"/> is a property name's or a string's text.</summary>
    public JsonTokenType Next(out string? text)
    {
        while (true)
        {
            var reader = Reader();
            if (reader.Read())
            {
                text = reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String ? reader.GetString() : null;
                Keep(ref reader);
                return reader.TokenType;
            }
            if (_final)
            {
                text = null;
                return JsonTokenType.None;
            }
            Fill();
        }
    }

    /// <summary>The type of the next token, not consumed (None at the end of the text).</summary>
    public JsonTokenType Peek()
    {
        while (true)
        {
            var reader = Reader();
            if (reader.Read())
            {
                return reader.TokenType;
            }
            if (_final)
            {
                return JsonTokenType.None;
            }
            Fill();
        }
    }

    /// <summary>The next value, consumed, as plain values (<see cref="JsonValues"/>).</summary>
    /// <remarks>
    /// Read in one pass: a value cut by the end of the buffer is read again once the buffer holds more. That
    /// happens once per buffer's worth of items, where checking first that each item is whole (as
    /// <see cref="RawValue"/> and <see cref="SkipValue"/> do) would read every item twice.
    /// </remarks>
    public object? Value()
    {
        while (true)
        {
            var reader = Reader();
            if (reader.Read())
            {
                var container = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray;
                var depth = reader.CurrentDepth;
                var value = JsonValues.From(ref reader, _names);
                // A container is whole when the reader stands on its end, at its own depth (not an inner one's).
                if (!container || (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == depth))
                {
                    Keep(ref reader);
                    return value;
                }
            }
            if (_final)
            {
                // The reader throws for a text cut short; this is a text that ends cleanly after its last value.
                throw new JsonException("The JSON text ends where a value was expected.");
            }
            Fill();
        }
    }

    /// <summary>The next value, consumed, as its UTF-8 text.</summary>
    public byte[] RawValue()
    {
        var reader = WholeValue();
        var from = (int)reader.TokenStartIndex;
        reader.Skip();
        var raw = _buffer.AsSpan(_start + from, (int)reader.BytesConsumed - from).ToArray();
        Keep(ref reader);
        return raw;
    }

    /// <summary>The next value, consumed and dropped.</summary>
    public void SkipValue()
    {
        var reader = WholeValue();
        reader.Skip();
        Keep(ref reader);
    }

    // A reader on the first token of the next value, with all of that value in the buffer.
    private Utf8JsonReader WholeValue()
    {
        while (true)
        {
            var reader = Reader();
            var probe = reader;
            if (probe.Read() && (_final || probe.TrySkip()))
            {
                reader.Read();
                return reader;
            }
            if (_final)
            {
                // The reader throws for a text cut short; this is a text that ends cleanly after its last value.
                throw new JsonException("The JSON text ends where a value was expected.");
            }
            Fill();
        }
    }

    private Utf8JsonReader Reader() => new(_buffer.AsSpan(_start, _length - _start), _final, _state);

    private void Keep(ref Utf8JsonReader reader)
    {
        _state = reader.CurrentState;
        _start += (int)reader.BytesConsumed;
    }

    // Moves what is left to the front (or doubles the buffer when one value fills it) and reads more.
    private void Fill()
    {
        var left = _length - _start;
        if (_start == 0 && _length == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, left);
        }
        _start = 0;
        _length = left;
        while (_length < _buffer.Length)
        {
            var read = _stream.Read(_buffer, _length, _buffer.Length - _length);
            if (read == 0)
            {
                _final = true;
                return;
            }
            _length += read;
        }
    }

    // Utf8JsonReader reads UTF-8 without a byte order mark. A UTF-8 mark is dropped; a UTF-16 or UTF-32 text
    // (Windows PowerShell's "> file.json" writes UTF-16) is turned into UTF-8 first, as File.ReadAllText reads it.
    private static Stream WithoutByteOrderMark(Stream stream)
    {
        Span<byte> mark = stackalloc byte[4];
        var read = stream.ReadAtLeast(mark, 4, throwOnEndOfStream: false);
        var head = mark[..read];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Rest(stream, head[3..]);
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            using var text = new StreamReader(Rest(stream, head), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return new MemoryStream(Encoding.UTF8.GetBytes(text.ReadToEnd()));
        }
        return Rest(stream, head);
    }

    private static Stream Rest(Stream stream, ReadOnlySpan<byte> alreadyRead) =>
        alreadyRead.IsEmpty ? stream : new PrefixedStream(alreadyRead.ToArray(), stream);

    /// <summary>A few bytes already read, then the rest of the stream.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position < prefix.Length)
            {
                var n = Math.Min(count, prefix.Length - _position);
                Array.Copy(prefix, _position, buffer, offset, n);
                _position += n;
                return n;
            }
            return rest.Read(buffer, offset, count);
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
