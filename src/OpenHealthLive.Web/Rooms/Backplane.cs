namespace OpenHealthLive.Web.Rooms;

/// <summary>How nodes share SignalR messages.</summary>
public enum Backplane
{
    /// <summary>One node: no sharing.</summary>
    None,

    /// <summary>Through Redis pub/sub (Microsoft.AspNetCore.SignalR.StackExchangeRedis).</summary>
    Redis,
}
