using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenHealthLive.Web.Infrastructure;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Live;

/// <summary>What a room of idle phones costs the server depends on these settings; the benchmark measured them.</summary>
public sealed class IdleConnectionSettingsTests : IDisposable
{
    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public void An_idle_http_connection_left_behind_by_a_phone_is_closed_after_fifteen_seconds()
    {
        var kestrel = _factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(15), kestrel.Limits.KeepAliveTimeout);
        Assert.Equal(InfrastructureSetup.IdleHttpKeepAlive, kestrel.Limits.KeepAliveTimeout);
    }

    public void Dispose() => _factory.Dispose();
}
