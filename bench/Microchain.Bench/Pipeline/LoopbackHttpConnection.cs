using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Microchain.Bench.Pipeline;

/// <summary>
/// One keep-alive HTTP/1.1 connection of the load generator: writes a request in one send and reads the status and
/// body (Content-Length or chunked). Like wrk, it spends next to no CPU of its own, so that on a 2-core machine the
/// cores go to the server under test rather than to a general-purpose client (HttpClient costs tens of µs a request).
/// Not a general client: no redirects, no compression, no pipelining, one request at a time.
/// </summary>
internal sealed class LoopbackHttpConnection : IDisposable
{
    /// <summary>Largest response head or body accepted; the server's answers are a few KiB.</summary>
    public const int MaxResponseBytes = 1 << 20;

    private readonly Socket _socket;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start, _end;

    private LoopbackHttpConnection(Socket socket) => _socket = socket;

    /// <summary>Whether the server asked to close after the last response (the connection must not be reused).</summary>
    public bool Closed { get; private set; }

    public static async Task<LoopbackHttpConnection> OpenAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken);
            return new LoopbackHttpConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends one whole request and returns the status code and the body, unless the status is <paramref name="skipBodyOf"/>.</summary>
    public async Task<(int Status, byte[]? Body)> SendAsync(ReadOnlyMemory<byte> request, int skipBodyOf, CancellationToken cancellationToken)
    {
        while (!request.IsEmpty) request = request[await _socket.SendAsync(request, SocketFlags.None, cancellationToken)..];
        var headEnd = await FillUntilAsync(static (b, s, e) => b.AsSpan(s, e - s).IndexOf("\r\n\r\n"u8), cancellationToken);
        var head = _buffer.AsSpan(_start, headEnd);
        if (head.Length < 12 || !Utf8Parser.TryParse(head.Slice(9, 3), out int status, out _)) throw new HttpRequestException("malformed status line");
        var contentLength = -1;
        var chunked = false;
        foreach (var range in head.Split("\r\n"u8))
        {
            var line = head[range];
            if (HeaderValue(line, "content-length"u8) is { } length && Utf8Parser.TryParse(length, out int n, out _)) contentLength = n;
            else if (HeaderValue(line, "transfer-encoding"u8) is { } coding) chunked = coding.IndexOf("chunked"u8) >= 0;
            else if (HeaderValue(line, "connection"u8) is { } connection) Closed = connection.IndexOf("close"u8) >= 0;
        }
        _start += headEnd + 4;
        var keep = status != skipBodyOf;
        var body = chunked ? await ReadChunkedAsync(keep, cancellationToken) : await ReadExactlyAsync(Math.Max(0, contentLength), keep, cancellationToken);
        return (status, body);
    }

    private static ReadOnlySpan<byte> HeaderValue(ReadOnlySpan<byte> line, ReadOnlySpan<byte> name) =>
        line.Length > name.Length && line[name.Length] == (byte)':' && Ascii.EqualsIgnoreCase(line[..name.Length], name)
            ? line[(name.Length + 1)..].Trim((byte)' ')
            : default;

    private async Task<byte[]?> ReadExactlyAsync(int length, bool keep, CancellationToken cancellationToken)
    {
        if (length > MaxResponseBytes) throw new HttpRequestException($"response body of {length} bytes is over the limit");
        await FillUntilAsync((_, s, e) => e - s >= length ? 0 : -1, cancellationToken);
        var body = keep ? _buffer.AsSpan(_start, length).ToArray() : null;
        _start += length;
        return body;
    }

    private async Task<byte[]?> ReadChunkedAsync(bool keep, CancellationToken cancellationToken)
    {
        var body = keep ? new List<byte>() : null;
        var total = 0;
        while (true)
        {
            var lineEnd = await FillUntilAsync(static (b, s, e) => b.AsSpan(s, e - s).IndexOf("\r\n"u8), cancellationToken);
            var sizeText = _buffer.AsSpan(_start, lineEnd);
            var semicolon = sizeText.IndexOf((byte)';');
            if (!Utf8Parser.TryParse(semicolon >= 0 ? sizeText[..semicolon] : sizeText, out int size, out _, 'X') || size < 0 || (total += size) > MaxResponseBytes)
                throw new HttpRequestException("malformed chunk size");
            _start += lineEnd + 2;
            await FillUntilAsync((_, s, e) => e - s >= size + 2 ? 0 : -1, cancellationToken);
            body?.AddRange(_buffer.AsSpan(_start, size));
            _start += size + 2;
            if (size == 0) return body is null ? null : [.. body]; // no trailers from this server
        }
    }

    /// <summary>Reads until <paramref name="found"/> (buffer, start, end) answers an offset from start; returns it.</summary>
    private async Task<int> FillUntilAsync(Func<byte[], int, int, int> found, CancellationToken cancellationToken)
    {
        while (true)
        {
            var at = found(_buffer, _start, _end);
            if (at >= 0) return at;
            if (_start > 0 && _start == _end) _start = _end = 0;
            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= MaxResponseBytes + 64 * 1024) throw new HttpRequestException("response over the limit");
                var bigger = new byte[_buffer.Length * 2];
                Buffer.BlockCopy(_buffer, _start, bigger, 0, _end - _start);
                (_buffer, _end, _start) = (bigger, _end - _start, 0);
            }
            var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
            if (read == 0) throw new HttpRequestException("the server closed the connection");
            _end += read;
        }
    }

    public void Dispose() => _socket.Dispose();

    /// <summary>The request bytes for a POST with a JSON body and extra headers (name, value), as one buffer.</summary>
    public static byte[] Post(string host, string path, IEnumerable<(string Name, string Value)> headers, byte[] json)
    {
        var head = new StringBuilder().Append("POST ").Append(path).Append(" HTTP/1.1\r\nHost: ").Append(host).Append("\r\n");
        foreach (var (name, value) in headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("Content-Type: application/json\r\nContent-Length: ").Append(json.Length).Append("\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. json];
    }
}
