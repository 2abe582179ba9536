using StackExchange.Redis;

namespace OpenHealthLive.Web.Rooms;

/// <summary>The Redis connection the SignalR backplane uses, kept so the app can tell when Redis is away.</summary>
public sealed class BackplaneConnection
{
    /// <summary>The backplane's multiplexer, once SignalR has made it.</summary>
    public IConnectionMultiplexer? Multiplexer { get; set; }

    /// <summary>False while Redis cannot be reached (messages through the backplane would wait, then fail).</summary>
    public bool IsConnected => Multiplexer?.IsConnected ?? false;
}
