using System.Net;
using OpenHealthLive.Web.Infrastructure;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Live;

/// <summary>A whole room shares one address behind the venue's NAT: the per-IP write backstop must not lock phones out of the hub.</summary>
public sealed class RoomBehindOneAddressTests : IDisposable
{
    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task More_phones_than_the_per_address_write_limit_can_all_connect_to_the_hub()
    {
        using var client = _factory.CreatePlainClient();
        var phones = InfrastructureSetup.WritesPerIpPerMinute + 50;
        var refused = 0;
        for (var phone = 0; phone < phones; phone++)
        {
            // SignalR's negotiate is a POST: the first request every phone makes to connect or to come back after a restart.
            using var negotiate = await client.PostAsync(new Uri("/hubs/live/negotiate?negotiateVersion=1", UriKind.Relative), null);
            refused += negotiate.StatusCode == HttpStatusCode.TooManyRequests ? 1 : 0;
            Assert.True(negotiate.IsSuccessStatusCode || negotiate.StatusCode == HttpStatusCode.TooManyRequests, $"negotiate answered {negotiate.StatusCode}");
        }

        Assert.Equal(0, refused);
    }

    public void Dispose() => _factory.Dispose();
}
