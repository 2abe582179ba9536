using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OpenHealthLive.Web.Infrastructure;
using OpenHealthLive.Web.Join;

namespace OpenHealthLive.Web.Tests.Join;

/// <summary>Which address the QR code carries when the laptop listens on several (docs/hosting.md, "One laptop").</summary>
public sealed class JoinLinksSchemeTests
{
    [Theory]
    [InlineData("http://192.168.1.20:5000", "https://192.168.1.20:5001")]
    [InlineData("https://192.168.1.20:5001", "http://192.168.1.20:5000")]
    public void A_laptop_listening_on_http_and_https_puts_the_https_address_in_the_QR_code(string first, string second)
    {
        var links = new JoinLinks(new PublicAddress(Options.Create(new PublicAddressOptions()), new ListeningOn(first, second), TimeProvider.System));

        Assert.Equal(new Uri("https://192.168.1.20:5001/j/CARE42"), links.JoinUrl("CARE42", request: null));
    }

    [Fact]
    public void A_laptop_listening_on_http_only_keeps_the_http_address()
    {
        var links = new JoinLinks(new PublicAddress(Options.Create(new PublicAddressOptions()), new ListeningOn("http://127.0.0.1:5000", "http://192.168.1.20:5000"), TimeProvider.System));

        Assert.Equal(new Uri("http://192.168.1.20:5000/j/CARE42"), links.JoinUrl("CARE42", request: null));
    }

    [Fact]
    public void The_public_base_url_wins_over_any_address_the_laptop_listens_on()
    {
        var options = Options.Create(new PublicAddressOptions { BaseUrl = "https://live.example.org" });
        var links = new JoinLinks(new PublicAddress(options, new ListeningOn("http://192.168.1.20:5000", "https://192.168.1.20:5001"), TimeProvider.System));

        Assert.Equal(new Uri("https://live.example.org/j/CARE42"), links.JoinUrl("CARE42", request: null));
    }

    private sealed class ListeningOn : IServer
    {
        public ListeningOn(params string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var address in addresses)
            {
                feature.Addresses.Add(address);
            }

            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
