using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Live;

namespace OpenHealthLive.Web.Tests.Infrastructure;

/// <summary>Collects the SlideChanged events a connection receives.</summary>
public sealed class SlideChangeRecorder
{
    private readonly Channel<SlideState> _received = Channel.CreateUnbounded<SlideState>();

    public SlideChangeRecorder(HubConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.On<SlideState>(nameof(ILiveClient.SlideChanged), state => _received.Writer.TryWrite(state));
    }

    public List<SlideState> All { get; } = [];

    /// <summary>The next event; fails the test if none comes within <paramref name="timeout"/> (default 10 s).</summary>
    public async Task<SlideState> NextAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            var state = await _received.Reader.ReadAsync(cancellation.Token);
            All.Add(state);
            return state;
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException("No SlideChanged event arrived.");
        }
    }
}
