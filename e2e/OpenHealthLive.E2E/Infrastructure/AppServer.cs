using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

using OpenHealthLive.E2E.PageObjects;

namespace OpenHealthLive.E2E.Infrastructure;

/// <summary>
/// The real app on real Kestrel at <c>http://127.0.0.1:{Port}</c>, hosted in the test process by
/// <c>WebApplicationFactory&lt;Program&gt;.UseKestrel</c> + <c>StartServer()</c>. In-process hosting starts in
/// about a second, needs no second build output and shows server errors in the test's stack; the browser still
/// talks to it over real TCP, WebSockets included.
/// </summary>
/// <remarks>
/// A server can be stopped and started again on the same port with the same data directory, as a real
/// restart would be: the port is reserved once when the server is created, so phones can reconnect to the
/// address they already have (a new server on port 0 would get a new port). Each start builds a new host
/// from a new factory, so nothing in memory survives a restart; only the data directory does.
/// </remarks>
public sealed class AppServer : IAsyncDisposable
{
    /// <summary>The presenter key every test server uses (configured, so it is never generated or logged).</summary>
    public const string PresenterKey = "e2e-presenter-key-not-a-secret";

    /// <summary>The pinned code of the start-up session.</summary>
    public const string DefaultSessionCode = "TESTAB";

    private readonly Dictionary<string, string?> _settings;
    private readonly X509Certificate2? _certificate;
    private OpenHealthLiveFactory? _factory;

    private AppServer(int port, string dataDirectory, IReadOnlyDictionary<string, string?>? extraSettings, X509Certificate2? certificate)
    {
        Port = port;
        DataDirectory = dataDirectory;
        _certificate = certificate;
        BaseUrl = certificate is null ? new Uri($"http://127.0.0.1:{port}/") : new Uri($"https://{TestCertificate.Host}:{port}/");
        _settings = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Decks:ContentPath"] = RepositoryPaths.Content,
            ["Decks:WatchDecks"] = "false",
            ["Decks:DefaultDeck"] = GettingStartedDeck.Slug,
            ["Join:DefaultSessionCode"] = DefaultSessionCode,
            ["Presenter:Key"] = PresenterKey,
            // Every presenter device in the suite signs in through the real form from 127.0.0.1; the product's
            // limit (5 a minute per address) is for guessing attacks and is unit-tested, not what is tested here.
            ["Presenter:SignInAttemptsPerMinute"] = "1000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The server's clock; a test can move it forward (it survives restarts, as real time would).</summary>
    public ShiftableClock Clock { get; } = new();

    /// <summary>The port, the same across restarts.</summary>
    public int Port { get; }

    /// <summary>The server's own temporary data directory (SQLite database, data-protection keys).</summary>
    public string DataDirectory { get; }

    /// <summary><c>http://127.0.0.1:{Port}/</c>, or <c>https://live.test:{Port}/</c> when started with a certificate.</summary>
    public Uri BaseUrl { get; }

    /// <summary>True between <see cref="StartAsync"/> and <see cref="StopAsync"/>.</summary>
    public bool IsRunning => _factory is not null;

    /// <summary>
    /// Creates a server on a free port with a new, empty data directory, and starts it; on HTTPS (Kestrel with
    /// <paramref name="certificate"/>, reached as <see cref="TestCertificate.Host"/>) when a certificate is given.
    /// </summary>
    public static async Task<AppServer> StartNewAsync(IReadOnlyDictionary<string, string?>? extraSettings = null, X509Certificate2? certificate = null)
    {
        // The host reads this when it is built; with reload on, every host would hold inotify watches on the
        // appsettings files, and this machine allows 128 inotify instances per user (traps.md).
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");

        var dataDirectory = Path.Combine(Path.GetTempPath(), "ohl-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDirectory);
        var server = new AppServer(ReserveFreePort(), dataDirectory, extraSettings, certificate);
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the app on this server's port and data directory.</summary>
    public async Task StartAsync()
    {
        if (_factory is not null)
        {
            throw new InvalidOperationException("The server is already running.");
        }

        var factory = new OpenHealthLiveFactory(_settings, Clock);
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port, listen =>
        {
            if (_certificate is not null)
            {
                listen.UseHttps(_certificate);
            }
        }));
        try
        {
            // StartServer builds and starts the host synchronously (migrations included): keep it off the test thread.
            await Task.Run(factory.StartServer);
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }

        _factory = factory;
    }

    /// <summary>Stops the app; open connections are closed, the port is freed, the data directory stays.</summary>
    public async Task StopAsync()
    {
        if (_factory is { } factory)
        {
            _factory = null;
            await factory.DisposeAsync();
        }
    }

    /// <summary>Stops and starts again on the same port with the same data.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    /// <summary>The running app's services (to seed data a test is not about, straight into the database).</summary>
    public IServiceProvider Services => (_factory ?? throw new InvalidOperationException("The server is not running.")).Services;

    /// <summary>An absolute URL on this server.</summary>
    public Uri Url(string relative) => new(BaseUrl, relative);

    /// <summary>A plain HTTP client for this server, over the network like a browser (not the in-memory test client).</summary>
    public HttpClient CreateHttpClient(bool followRedirects = true) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = followRedirects,
            AutomaticDecompression = DecompressionMethods.All,
            // live.test is a name only the test browser knows; the certificate is the test's own.
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => TestCertificate.IsThisCertificate(certificate) },
        })
        {
            BaseAddress = BaseUrl,
        };

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        // Pooled SQLite connections keep the database file open after the host is gone.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless; failing a green run over it is not.
        }
    }

    private static int ReserveFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
