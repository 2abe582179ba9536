using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.ScaleOut;

/// <summary>One node of a cluster: the real app on real Kestrel, sharing PostgreSQL and Redis with the others.</summary>
public sealed class ClusterNode : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ClusterNode(string name, PostgresServer postgres, RedisServer redis)
    {
        Name = name;
        Port = ServerProcess.FreePort();
        DataDirectory = Directory.CreateTempSubdirectory($"ohl-node-{name}-").FullName;
        _settings = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = postgres.ConnectionString,
            ["Storage:DataDirectory"] = DataDirectory,
            ["Cluster:Backplane"] = "Redis",
            ["Cluster:RedisConnectionString"] = redis.ConnectionString,
            ["Cluster:NodeName"] = name,
            ["Cluster:StateHeartbeatSeconds"] = "2",
            ["Decks:DefaultDeck"] = "open-healthcare",
            ["Join:DefaultSessionCode"] = OpenHealthLiveFactory.DefaultCode,
            ["Decks:ContentPath"] = RepositoryPaths.Content,
            ["Decks:WatchDecks"] = "false",
            // A cluster shares one presenter key (a generated one would differ per node).
            ["Presenter:Key"] = OpenHealthLiveFactory.PresenterKey,
            ["Presenter:SignInAttemptsPerMinute"] = "1000",
            // nginx (BehindNginxTests) reaches the nodes from loopback: its X-Forwarded-* are trusted, nobody else's.
            ["Proxy:KnownProxies:0"] = "127.0.0.1",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
    }

    public string Name { get; }

    public int Port { get; }

    public string DataDirectory { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    public HttpClient CreateHttp() => new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = BaseUrl };

    public Task StartAsync() => Task.Run(StartServer);

    /// <summary>Signs in through the real form on this node; the cookie works on every node (shared keys).</summary>
    public async Task<string> SignInAsync()
    {
        using var http = CreateHttp();
        return await OpenHealthLiveFactory.SignInAsync(http);
    }

    /// <summary>A phone on this node: the audience page's device cookie, then the hub, reconnecting as the page does.</summary>
    public async Task<HubConnection> ConnectPhoneAsync()
    {
        using var http = CreateHttp();
        using var page = await http.GetAsync($"/j/{OpenHealthLiveFactory.DefaultCode}");
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ohl.device=", StringComparison.Ordinal)).Split(';')[0];
        return await ConnectAsync(cookie);
    }

    public async Task<HubConnection> ConnectAsync(string cookie)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseUrl, "hubs/live"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.Headers["Cookie"] = cookie;
            })
            .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)])
            .Build();
        await connection.StartAsync();
        return connection;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            OpenHealthLiveFactory.DeleteDataDirectory(DataDirectory);
        }
    }
}
