using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.ScaleOut;

/// <summary>Two nodes behind Debian's nginx with the configuration of docs/deploy.md, as phones and presenters reach them.</summary>
public sealed class BehindNginxTests(BehindNginxTests.Fixture cluster) : IClassFixture<BehindNginxTests.Fixture>
{
    [BehindNginxFact]
    public async Task Phones_on_every_transport_spread_over_both_nodes_and_follow_a_presenter_through_nginx()
    {
        var code = (await cluster.Nodes.A.Services.GetRequiredService<LiveSessionService>().StartAsync("open-healthcare", CancellationToken.None)).Code;
        var presenterCookie = await SignInAsync();
        await using var presenter = await ConnectAsync(presenterCookie, HttpTransportType.WebSockets);
        await presenter.InvokeAsync<SlideState>(nameof(LiveHub.JoinAsPresenter), code);

        // A room's worth of phones, a third on each transport; each negotiates through nginx, as the page does.
        HttpTransportType[] transports = [HttpTransportType.WebSockets, HttpTransportType.ServerSentEvents, HttpTransportType.LongPolling];
        var phones = new List<(HubConnection Connection, SlideChangeRecorder Slides, HttpTransportType Transport)>();
        for (var i = 0; i < 24; i++)
        {
            var transport = transports[i % transports.Length];
            var phone = await ConnectAsync(await DeviceCookieAsync(code), transport);
            var slides = new SlideChangeRecorder(phone);
            await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), code);
            phones.Add((phone, slides, transport));
        }

        // Sticky by device cookie: the phones are spread over both nodes (not all on one, as ip_hash would put a
        // room behind one venue address).
        var onA = cluster.Nodes.A.Services.GetRequiredService<AudienceTracker>().CountOf(code);
        var onB = cluster.Nodes.B.Services.GetRequiredService<AudienceTracker>().CountOf(code);
        Assert.Equal(phones.Count, onA + onB);
        Assert.True(onA > 0 && onB > 0, $"All phones landed on one node (A: {onA}, B: {onB}).");

        var moved = await presenter.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), code);
        foreach (var (connection, slides, transport) in phones)
        {
            var shown = await slides.WaitForVersionAsync(moved.Version, TimeSpan.FromSeconds(10));
            Assert.True(shown.Slide == moved.Slide, $"A phone on {transport} shows slide {shown.Slide}, not {moved.Slide}.");
            await connection.DisposeAsync();
        }
    }

    [BehindNginxFact]
    public async Task Plain_http_is_sent_to_https_and_the_nodes_see_the_phones_scheme()
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var redirect = await http.GetAsync(new Uri($"http://127.0.0.1:{cluster.Nginx.HttpPort}/j/ABCDEF"));
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("https", redirect.Headers.Location?.Scheme);

        using var client = CreateHttp();
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        // X-Forwarded-Proto from nginx is trusted: the node knows the phone came over HTTPS and marks its cookie Secure.
        using var page = await client.GetAsync(new Uri($"/j/{OpenHealthLiveFactory.DefaultCode}", UriKind.Relative));
        var device = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ohl.device=", StringComparison.Ordinal));
        Assert.Contains("secure", device, StringComparison.OrdinalIgnoreCase);
    }

    private HttpClient CreateHttp() => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = cluster.Nginx.ValidateCertificate },
    })
    { BaseAddress = cluster.Nginx.BaseUrl };

    private async Task<string> DeviceCookieAsync(string code)
    {
        using var http = CreateHttp();
        using var page = await http.GetAsync(new Uri($"/j/{code}", UriKind.Relative));
        page.EnsureSuccessStatusCode();
        return page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ohl.device=", StringComparison.Ordinal)).Split(';')[0];
    }

    private async Task<string> SignInAsync()
    {
        using var http = CreateHttp();
        return await OpenHealthLiveFactory.SignInAsync(http);
    }

    private async Task<HubConnection> ConnectAsync(string cookie, HttpTransportType transport)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(cluster.Nginx.BaseUrl, "hubs/live"), options =>
            {
                options.Transports = transport;
                options.Headers["Cookie"] = cookie;
                options.HttpMessageHandlerFactory = _ => new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = cluster.Nginx.ValidateCertificate } };
                options.WebSocketConfiguration = socket => socket.RemoteCertificateValidationCallback = cluster.Nginx.ValidateCertificate;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>The cluster of <see cref="ClusterFixture"/>, with nginx in front.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public ClusterFixture Nodes { get; } = new();

        public NginxServer Nginx { get; } = new();

        public async Task InitializeAsync()
        {
            if (!BehindNginxFactAttribute.CanRun)
            {
                return;
            }

            await Nodes.InitializeAsync();
            await Nginx.StartAsync(Nodes.A.Port, Nodes.B.Port);
        }

        public async Task DisposeAsync()
        {
            await Nginx.DisposeAsync();
            await Nodes.DisposeAsync();
        }
    }
}

/// <summary>A test that needs nginx as well as redis-server and PostgreSQL (`.ci/run` installs all three).</summary>
public sealed class BehindNginxFactAttribute : FactAttribute
{
    public BehindNginxFactAttribute()
    {
        if (!CanRun)
        {
            Skip = "Needs nginx, redis-server and PostgreSQL (apt-get install nginx redis-server postgresql), as .ci/run installs them.";
        }
    }

    public static bool CanRun => NginxServer.IsInstalled && RedisServer.IsInstalled && PostgresServer.IsInstalled;
}
