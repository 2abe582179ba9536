using System.Threading.Channels;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Rooms;

namespace OpenHealthLive.Web.Live;

/// <summary>When a deck is edited (Development), tells every session presenting it, so clients refresh.</summary>
internal sealed partial class DeckReloadBroadcaster(
    DeckCatalog decks,
    LiveSessionService sessions,
    FollowerBroadcast<ILiveClient> broadcast,
    ILogger<DeckReloadBroadcaster> logger) : BackgroundService
{
    private readonly Channel<string> _changed = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        decks.DeckChanged += OnDeckChanged;
        try
        {
            await foreach (var slug in _changed.Reader.ReadAllAsync(stoppingToken))
            {
                var fingerprint = decks.Get(slug).Deck?.Fingerprint ?? string.Empty;
                foreach (var session in (await sessions.ListAsync(stoppingToken)).Where(s => s.DeckSlug == slug))
                {
                    try
                    {
                        await broadcast.SendAsync(session.Code, client => client.DeckReloaded(new DeckReloaded(session.Code, fingerprint)));
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        LogSendFailed(ex, session.Code);
                    }
                }
            }
        }
        finally
        {
            decks.DeckChanged -= OnDeckChanged;
        }
    }

    private void OnDeckChanged(object? sender, DeckChangedEventArgs e) => _changed.Writer.TryWrite(e.Slug);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell session {Code} that its deck changed")]
    private partial void LogSendFailed(Exception exception, string code);
}
