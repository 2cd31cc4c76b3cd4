namespace IKomek.Dashboard.Platform.Csv;

/// <summary>
/// A read-only stream over another that keeps the bytes read since a mark, so that reading can go back to any of
/// them. <see cref="CsvRowReader"/> marks the start of each record and, when a record grows past the size it accepts,
/// starts over from the line after it with the bytes the parser had already taken.
/// </summary>
internal sealed class ReplayableStream(Stream inner, bool leaveOpen) : Stream
{
    private byte[] _kept = new byte[256 * 1024];
    private long _keptStart;   // input offset of _kept[0]
    private int _keptCount;
    private long _mark;        // bytes before this offset may be dropped
    private long _position;    // input offset of the next byte to return

    public void Mark(long offset) => _mark = Math.Max(_mark, offset);

    /// <summary>The kept bytes from <paramref name="offset"/> on (read again from there after <see cref="Rewind"/>).</summary>
    public ReadOnlySpan<byte> KeptFrom(long offset) => _kept.AsSpan((int)(offset - _keptStart), (int)(_keptStart + _keptCount - offset));

    public long KeptStart => _keptStart;

    public void Rewind(long offset)
    {
        if (offset < _keptStart || offset > _keptStart + _keptCount) throw new InvalidOperationException($"offset {offset} is no longer kept");
        _position = offset;
    }

    public override int Read(Span<byte> buffer)
    {
        if (TakeKept(buffer) is var n and > 0) return n;
        return Keep(buffer[..inner.Read(buffer)]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        if (TakeKept(buffer.Span) is var n and > 0) return n;
        var read = await inner.ReadAsync(buffer, ct);
        return Keep(buffer.Span[..read]);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    private int TakeKept(Span<byte> buffer)
    {
        var available = _keptStart + _keptCount - _position;
        if (available <= 0) return 0;
        var n = (int)Math.Min(available, buffer.Length);
        _kept.AsSpan((int)(_position - _keptStart), n).CopyTo(buffer);
        _position += n;
        return n;
    }

    private int Keep(ReadOnlySpan<byte> read)
    {
        if (_keptCount + read.Length > _kept.Length)
        {
            // Drop what lies before the mark; grow only when the record being read needs it.
            var drop = (int)Math.Clamp(_mark - _keptStart, 0, _keptCount);
            _kept.AsSpan(drop, _keptCount - drop).CopyTo(_kept);
            _keptStart += drop;
            _keptCount -= drop;
            if (_keptCount + read.Length > _kept.Length) Array.Resize(ref _kept, Math.Max(_kept.Length * 2, _keptCount + read.Length));
        }
        read.CopyTo(_kept.AsSpan(_keptCount));
        _keptCount += read.Length;
        _position += read.Length;
        return read.Length;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen) inner.Dispose();
        base.Dispose(disposing);
    }
}
