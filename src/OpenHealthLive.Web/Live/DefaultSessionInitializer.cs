using Microsoft.Extensions.Options;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Decks;
using OpenHealthLive.Web.Join;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// At start-up, makes sure the default session exists and loads its deck (so deck errors are logged at once),
/// then, when the server listens, logs where the audience joins.
/// </summary>
internal sealed partial class DefaultSessionInitializer(
    LiveSessionService sessions,
    DeckCatalog decks,
    IOptions<DecksOptions> decksOptions,
    IOptions<JoinOptions> joinOptions,
    IHostApplicationLifetime lifetime,
    JoinLinks links,
    ILogger<DefaultSessionInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deck = decksOptions.Value.DefaultDeck;
        if (!decks.Exists(deck))
        {
            LogMissingDeck(deck, decks.ContentPath);
        }
        else
        {
            decks.Get(deck);
        }

        var session = await sessions.EnsureDefaultSessionAsync(deck, joinOptions.Value.DefaultSessionCode, cancellationToken);
        lifetime.ApplicationStarted.Register(() =>
        {
            var join = links.JoinUrl(session.Code, request: null);
            if (join is not null)
            {
                var url = join.ToString();
                LogReady(session.Code, url);
            }
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "The default deck '{Deck}' does not exist in {ContentPath}; set Decks:DefaultDeck to one of its folders")]
    private partial void LogMissingDeck(string deck, string contentPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {Code} is live: the audience joins at {JoinUrl}")]
    private partial void LogReady(string code, string joinUrl);
}
