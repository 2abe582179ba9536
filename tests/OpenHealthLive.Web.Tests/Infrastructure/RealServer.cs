using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace OpenHealthLive.Web.Tests.Infrastructure;

/// <summary>
/// The factory's app on real Kestrel at <c>http://127.0.0.1:{port}</c>, for attacks that need a real network
/// path: a client's address as the server sees it, forged headers, WebSocket handshakes. A client can come
/// "from another machine" by binding to another loopback address (all of 127.0.0.0/8 is loopback on Linux).
/// </summary>
public static class RealServer
{
    /// <summary>Starts the app on Kestrel (call before anything else touches the factory) and returns its base address.</summary>
    public static Uri StartOnKestrel(this OpenHealthLiveFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return new Uri(addresses.Addresses.Single().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    /// <summary>
    /// An HTTP client that connects from <paramref name="from"/> (default 127.0.0.1), keeps no cookies and does
    /// not follow redirects, so a test sees exactly what an attacker's script would.
    /// </summary>
    public static HttpClient Client(Uri baseAddress, IPAddress? from = null) =>
        new(Handler(from)) { BaseAddress = baseAddress };

    /// <summary>Opens the audience page with <paramref name="client"/> as a phone does and returns the device cookie it is given (name=value).</summary>
    public static async Task<string> DeviceCookieAsync(HttpClient client, string code = OpenHealthLiveFactory.DefaultCode)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var page = await client.GetAsync(new Uri($"/j/{code}", UriKind.Relative));
        return page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ohl.device=", StringComparison.Ordinal)).Split(';')[0];
    }

    /// <summary>A hub connection over real WebSockets from <paramref name="from"/>, with optional cookie and extra headers.</summary>
    public static HubConnection Hub(Uri baseAddress, string? cookie = null, IPAddress? from = null, IReadOnlyDictionary<string, string>? headers = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "hubs/live"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.HttpMessageHandlerFactory = _ => Handler(from);
                if (cookie is not null)
                {
                    options.Headers["Cookie"] = cookie;
                }

                foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                {
                    options.Headers[name] = value;
                }

                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var socket = new System.Net.WebSockets.ClientWebSocket();
                    if (cookie is not null)
                    {
                        socket.Options.SetRequestHeader("Cookie", cookie);
                    }

                    foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                    {
                        socket.Options.SetRequestHeader(name, value);
                    }

                    using var invoker = new HttpMessageInvoker(Handler(from));
                    var uri = new UriBuilder(context.Uri) { Scheme = context.Uri.Scheme == "https" ? "wss" : "ws" }.Uri;
                    await socket.ConnectAsync(uri, invoker, cancellationToken);
                    return socket;
                };
            })
            .Build();

    private static SocketsHttpHandler Handler(IPAddress? from) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectCallback = from is null ? null : async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(from, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
