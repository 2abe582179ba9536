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

    /// <summary>Adds a state the test obtained itself (a re-join), as if it had been pushed.</summary>
    public void Push(SlideState state) => _received.Writer.TryWrite(state);

    /// <summary>Waits until a state of at least <paramref name="version"/> has arrived (now or before).</summary>
    public async Task<SlideState> WaitForVersionAsync(long version, TimeSpan timeout)
    {
        if (All.LastOrDefault(s => s.Version >= version) is { } earlier)
        {
            return earlier;
        }

        using var cancellation = new CancellationTokenSource(timeout);
        while (true)
        {
            SlideState state;
            try
            {
                state = await _received.Reader.ReadAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException($"No state of version {version} or later arrived within {timeout.TotalSeconds:0} s.");
            }

            All.Add(state);
            if (state.Version >= version)
            {
                return state;
            }
        }
    }

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
