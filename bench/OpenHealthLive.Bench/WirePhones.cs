using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace OpenHealthLive.Bench;

/// <summary>
/// A phone for the fan-out runs that speaks the wire protocol itself over one <see cref="ClientWebSocket"/>:
/// SignalR's JSON hub protocol (as the audience page: device cookie, negotiate, WebSocket, stateful reconnect,
/// JoinSession, AcknowledgeSlide) or socket.io 4 (engine.io over a WebSocket, as a reveal.js multiplex
/// follower). Both kinds share the socket, the receive loop and the JSON reading, so the load generator costs
/// the same per message whichever server it measures, and little: a full client library per phone
/// (HubConnection, the socket.io client) spends 150–200 µs of the harness's core on each message, which at
/// thousands of phones is more than either server needs.
/// </summary>
internal abstract class WirePhone : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<WirePhone, byte> Live = new();
    private static readonly Timer Sweeper = new(_ => Sweep(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private Task _receiving = Task.CompletedTask;

    protected WirePhone(int index, Action<int, long> received)
    {
        Index = index;
        Received = received;
    }

    public int Index { get; }

    /// <summary>Called with (phone, version) for every slide state the phone gets, on the receive loop.</summary>
    protected Action<int, long> Received { get; }

    protected ClientWebSocket Socket { get; private set; } = NewSocket();

    /// <summary>The socket closed (server gone, or disposed).</summary>
    public Task Closed => _receiving;

    /// <summary>The phone was disposed (as opposed to its socket closing).</summary>
    protected bool Disposed => _closing.IsCancellationRequested;

    /// <summary>Opens the socket and runs the protocol's opening; afterwards messages are read until the socket closes.</summary>
    protected async Task OpenAsync(Uri address, string? cookie, CancellationToken cancellationToken)
    {
        Socket.Dispose();
        Socket = NewSocket();
        if (cookie is not null)
        {
            Socket.Options.SetRequestHeader("Cookie", cookie);
        }

        await Socket.ConnectAsync(address, cancellationToken);
        _receiving = ReceiveLoopAsync();
        Live[this] = 0;
    }

    /// <summary>Sends one text message; one send at a time per socket.</summary>
    protected async Task SendAsync(ReadOnlyMemory<byte> message)
    {
        await _sending.WaitAsync(_closing.Token);
        try
        {
            await Socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, _closing.Token);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Sends without waiting; a failed send shows up as the socket closing.</summary>
    protected void Post(ReadOnlyMemory<byte> message) => _ = SendAsync(message).ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>One whole WebSocket message, as received.</summary>
    protected abstract void OnMessage(ReadOnlySpan<byte> message);

    /// <summary>Once a second: what the protocol's client sends on a timer (acknowledgements, pings).</summary>
    protected virtual void OnTick()
    {
    }

    public async ValueTask DisposeAsync()
    {
        Live.TryRemove(this, out _);
        await _closing.CancelAsync();
        try
        {
            if (Socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Gone already.
        }

        Socket.Dispose();
        _closing.Dispose();
    }

    private static ClientWebSocket NewSocket()
    {
        var socket = new ClientWebSocket();
        // Browsers send no WebSocket pings of their own; the protocols' own keep-alives run in OnTick.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        return socket;
    }

    private static void Sweep()
    {
        foreach (var phone in Live.Keys)
        {
            if (phone.Socket.State == WebSocketState.Open)
            {
                phone.OnTick();
            }
        }
    }

    private async Task ReceiveLoopAsync()
    {
        // Slide states are about a kilobyte; the buffer grows for anything larger (a join's full state).
        var buffer = ArrayPool<byte>.Shared.Rent(2048);
        var length = 0;
        try
        {
            while (!_closing.IsCancellationRequested)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var result = await Socket.ReceiveAsync(buffer.AsMemory(length), _closing.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                length += result.Count;
                if (result.EndOfMessage)
                {
                    OnMessage(buffer.AsSpan(0, length));
                    length = 0;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The server went away or the phone was disposed: Closed completes.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Live.TryRemove(this, out _);
        }
    }

    /// <summary>The "version" property of the object that starts at the reader's current StartObject token.</summary>
    protected static long? VersionOf(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        long? version = null;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1)
            {
                if (reader.ValueTextEquals("version"u8))
                {
                    reader.Read();
                    version = reader.GetInt64();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }

        return version;
    }
}

/// <summary>An audience phone on OpenHealthLive, connecting as wwwroot/js/live-connection.js does.</summary>
internal sealed class SignalRPhone : WirePhone
{
    private const byte RecordSeparator = 0x1e;
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":2}\u001e");
    private static readonly byte[] HandshakeWithoutStatefulReconnect = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");

    /// <summary>Off only to measure what stateful reconnect costs the server (the page always asks for it).</summary>
    public static bool StatefulReconnect { get; set; } = true;

    /// <summary>
    /// How long after showing a version a phone acknowledges it: a second, as the page does; zero acknowledges at once,
    /// as the page did before (to measure what the wait changes).
    /// </summary>
    public static TimeSpan AcknowledgeAfter { get; set; } = TimeSpan.FromSeconds(1);
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    private readonly Uri _baseAddress;
    private readonly string _code;
    private readonly bool _acknowledge;
    private byte[] _remainder = [];
    private int _remainderLength;
    private long _received;
    private long _acknowledged;
    private int _ticks;
    private bool _handshaken;
    private Tuple<long, long>? _painted;
    private int _acknowledging;
    private TaskCompletionSource<long> _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SignalRPhone(int index, Uri baseAddress, string code, bool acknowledge, Action<int, long> received)
        : base(index, received)
    {
        _baseAddress = baseAddress;
        _code = code;
        _acknowledge = acknowledge;
    }

    public string? Cookie { get; private set; }

    /// <summary>
    /// Opens the audience page (device cookie), negotiates, opens the WebSocket, shakes hands and joins; with
    /// <paramref name="acknowledge"/> it sends AcknowledgeSlide for every version shown, as the page does.
    /// </summary>
    public static async Task<SignalRPhone> JoinAsync(int index, Uri baseAddress, string code, bool acknowledge, Action<int, long> received, CancellationToken cancellationToken = default)
    {
        var phone = new SignalRPhone(index, baseAddress, code, acknowledge, received);
        phone.Cookie = await Clients.DeviceCookieAsync(baseAddress, code);
        await phone.ConnectAsync(cancellationToken);
        return phone;
    }

    /// <summary>A new connection for the same device (after the server went away), then JoinSession, as the page reconnects.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        _remainderLength = 0;
        _received = _acknowledged = 0;
        _handshaken = false;
        _joined = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var token = await Clients.NegotiateAsync(_baseAddress, Cookie!, StatefulReconnect, cancellationToken);
        var ws = new UriBuilder(new Uri(_baseAddress, "hubs/live")) { Scheme = _baseAddress.Scheme == "https" ? "wss" : "ws", Query = "id=" + Uri.EscapeDataString(token) }.Uri;
        await OpenAsync(ws, Cookie, cancellationToken);
        await SendAsync(StatefulReconnect ? Handshake : HandshakeWithoutStatefulReconnect);
        await SendAsync(Encoding.UTF8.GetBytes($"{{\"type\":1,\"invocationId\":\"0\",\"target\":\"JoinSession\",\"arguments\":[\"{_code}\"]}}\u001e"));
        var version = await _joined.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        ConnectedAt = Stopwatch.GetTimestamp();
        Received(Index, version);
        Shown(version);
    }

    /// <summary>When this phone's last JoinSession was answered (a <see cref="Stopwatch"/> timestamp): after a restart, when it was back in the room.</summary>
    public long ConnectedAt { get; private set; }

    /// <summary>
    /// From now on, when the connection drops the phone connects again as the page does: the page's backoff while on
    /// screen (0.5, 1, 2 s, then every 3 s, each ±25 %), a new connection, then JoinSession.
    /// </summary>
    public void ReconnectForever() => _ = ReconnectLoopAsync();

    private async Task ReconnectLoopAsync()
    {
        while (true)
        {
            await Closed;
            for (var attempt = 0; !Disposed; attempt++)
            {
                await Task.Delay(Clients.PageRetryDelay(attempt));
                try
                {
                    await ConnectAsync();
                    break;
                }
                catch (Exception ex) when (Clients.IsConnectFailure(ex))
                {
                    // The server is not back yet: the next attempt after the next delay.
                }
            }

            if (Disposed)
            {
                return;
            }
        }
    }

    protected override void OnMessage(ReadOnlySpan<byte> message)
    {
        // Records end with 0x1e; one WebSocket message may carry several, or (in principle) part of one.
        var data = message;
        if (_remainderLength > 0)
        {
            if (_remainder.Length < _remainderLength + message.Length)
            {
                Array.Resize(ref _remainder, (_remainderLength + message.Length) * 2);
            }

            message.CopyTo(_remainder.AsSpan(_remainderLength));
            _remainderLength += message.Length;
            data = _remainder.AsSpan(0, _remainderLength);
        }

        var consumed = 0;
        int end;
        while ((end = data[consumed..].IndexOf(RecordSeparator)) >= 0)
        {
            OnRecord(data.Slice(consumed, end));
            consumed += end + 1;
        }

        var rest = data[consumed..];
        if (_remainder.Length < rest.Length)
        {
            _remainder = new byte[rest.Length * 2];
        }

        rest.CopyTo(_remainder);
        _remainderLength = rest.Length;
    }

    protected override void OnTick()
    {
        // As the SignalR clients do: acknowledge received messages about a second later (stateful reconnect's
        // buffer on the server is freed by these), and ping every 15 s so the server keeps the connection.
        var received = Interlocked.Read(ref _received);
        if (StatefulReconnect && received > _acknowledged)
        {
            _acknowledged = received;
            Post(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"type\":8,\"sequenceId\":{received}}}\u001e")));
        }

        if (++_ticks % 15 == 0)
        {
            Post(Ping);
        }
    }

    private void OnRecord(ReadOnlySpan<byte> record)
    {
        if (!_handshaken)
        {
            // The handshake answer: {} or {"error":"…"}.
            _handshaken = true;
            if (record.IndexOf("error"u8) >= 0)
            {
                _joined.TrySetException(new InvalidOperationException("Handshake refused: " + Encoding.UTF8.GetString(record)));
            }

            return;
        }

        var reader = new Utf8JsonReader(record);
        reader.Read();
        int type = 0;
        var slideChanged = false;
        long? version = null;
        while (reader.Read() && reader.CurrentDepth > 0)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("target"u8))
            {
                reader.Read();
                slideChanged = reader.ValueTextEquals("SlideChanged"u8);
            }
            else if (reader.ValueTextEquals("arguments"u8))
            {
                reader.Read();
                if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    version = VersionOf(ref reader);
                }

                while (reader.CurrentDepth > 1 || reader.TokenType != JsonTokenType.EndArray)
                {
                    reader.Read();
                }
            }
            else if (reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                version = reader.TokenType == JsonTokenType.StartObject ? VersionOf(ref reader) : null;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // Invocation, stream item, completion, stream invocation, cancel: what stateful reconnect numbers.
        if (type is >= 1 and <= 5)
        {
            Interlocked.Increment(ref _received);
        }

        if (type == 3)
        {
            if (version is { } joined)
            {
                _joined.TrySetResult(joined);
            }
            else
            {
                _joined.TrySetException(new InvalidOperationException("JoinSession failed: " + Encoding.UTF8.GetString(record)));
            }
        }
        else if (type == 1 && slideChanged && version is { } shown)
        {
            Received(Index, shown);
            Shown(shown);
        }
    }

    /// <summary>
    /// As the page does (wwwroot/js/audience.js): a second after showing a version, acknowledge the newest version
    /// shown and for how long it has been shown, without waiting for an answer.
    /// </summary>
    private void Shown(long version)
    {
        if (!_acknowledge)
        {
            return;
        }

        Volatile.Write(ref _painted, Tuple.Create(version, Stopwatch.GetTimestamp()));
        if (Interlocked.Exchange(ref _acknowledging, 1) == 0)
        {
            _ = AcknowledgeLaterAsync();
        }
    }

    private async Task AcknowledgeLaterAsync()
    {
        if (AcknowledgeAfter > TimeSpan.Zero)
        {
            await Task.Delay(AcknowledgeAfter);
        }

        Volatile.Write(ref _acknowledging, 0);
        var (version, at) = Volatile.Read(ref _painted)!;
        var shownForMs = (int)Stopwatch.GetElapsedTime(at).TotalMilliseconds;
        Post(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"type\":1,\"target\":\"AcknowledgeSlide\",\"arguments\":[\"{_code}\",{version},{shownForMs}]}}\u001e")));
    }
}

/// <summary>A reveal.js multiplex follower on the socket.io relay: engine.io 4 over a WebSocket, one event name.</summary>
internal sealed class SocketIoPhone : WirePhone
{
    private static readonly byte[] Connect = "40"u8.ToArray();
    private static readonly byte[] Pong = "3"u8.ToArray();

    private readonly byte[] _event;
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SocketIoPhone(int index, string eventName, Action<int, long> received)
        : base(index, received) => _event = Encoding.UTF8.GetBytes(eventName);

    /// <summary>Connects to the default namespace and listens for <paramref name="eventName"/> (the presenter's id).</summary>
    public static async Task<SocketIoPhone> ConnectAsync(int index, Uri baseAddress, string eventName, Action<int, long> received, CancellationToken cancellationToken = default)
    {
        var phone = new SocketIoPhone(index, eventName, received);
        var ws = new UriBuilder(new Uri(baseAddress, "socket.io/")) { Scheme = "ws", Query = "EIO=4&transport=websocket" }.Uri;
        await phone.OpenAsync(ws, null, cancellationToken);
        await phone._connected.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        return phone;
    }

    /// <summary>Emits an event with one JSON argument (the relay's master does this).</summary>
    public Task EmitAsync(string eventName, string json) => SendAsync(Encoding.UTF8.GetBytes($"42[\"{eventName}\",{json}]"));

    protected override void OnMessage(ReadOnlySpan<byte> message)
    {
        if (message.IsEmpty)
        {
            return;
        }

        switch (message[0])
        {
            case (byte)'0':
                // engine.io open: join the default namespace.
                Post(Connect);
                return;
            case (byte)'2':
                // engine.io ping from the server.
                Post(Pong);
                return;
            case (byte)'4' when message.Length >= 2 && message[1] == (byte)'0':
                _connected.TrySetResult();
                return;
            case (byte)'4' when message.Length >= 2 && message[1] == (byte)'2':
                OnEvent(message[2..]);
                return;
            default:
                return;
        }
    }

    private void OnEvent(ReadOnlySpan<byte> json)
    {
        // ["<event>",{"secret":null,"socketId":"…","state":{…,"version":N,…}}]
        var reader = new Utf8JsonReader(json);
        reader.Read();
        reader.Read();
        if (reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals(_event))
        {
            return;
        }

        reader.Read();
        while (reader.Read() && reader.CurrentDepth > 1)
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 2)
            {
                var state = reader.ValueTextEquals("state"u8);
                reader.Read();
                if (state && reader.TokenType == JsonTokenType.StartObject && VersionOf(ref reader) is { } version)
                {
                    Received(Index, version);
                    return;
                }

                reader.Skip();
            }
        }
    }
}
