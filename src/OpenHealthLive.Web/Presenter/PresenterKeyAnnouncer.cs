using OpenHealthLive.Web.Infrastructure;

namespace OpenHealthLive.Web.Presenter;

/// <summary>
/// Shows a generated presenter key once, on the first start, with the sign-in URL, when the server is listening: a
/// framed block on the operator's console, apart from the log lines around it, so that a newcomer sees it. The key
/// goes to the console alone (<see cref="OperatorConsole"/>), never to the log, whose sinks keep what they get; the
/// log says that a key was shown and where to sign in. The key is never written anywhere else and never put in a URL.
/// </summary>
internal sealed partial class PresenterKeyAnnouncer(
    PresenterKeyStore keys,
    IHostApplicationLifetime lifetime,
    PublicAddress address,
    OperatorConsole console,
    ILogger<PresenterKeyAnnouncer> logger) : IHostedService
{
    private const int Width = 78;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            if (keys.TakeGeneratedKey() is { } key)
            {
                var signIn = address.BaseUrl(request: null) is { } baseUrl ? new Uri(baseUrl, "presenter/sign-in").ToString() : "/presenter/sign-in";
                console.WriteBlock(Block(key, signIn, keys.HashFile ?? string.Empty));
                LogKeyShown(signIn);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The block: rules of '=' above and below, blank lines around, so it reads apart from any log line.</summary>
    internal static string Block(string key, string signInUrl, string hashFile)
    {
        var rule = new string('=', Width);
        string[] lines =
        [
            string.Empty,
            rule,
            "  FIRST START: a presenter key was made for this server. Write it down now:",
            "  it is shown only this once.",
            string.Empty,
            $"    Presenter key:  {key}",
            $"    Sign in at:     {signInUrl}",
            string.Empty,
            $"  Only its hash is kept, in {hashFile}.",
            "  Lost it? Delete that file and restart to get a new key, or set Presenter:Key.",
            rule,
            string.Empty,
        ];
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "First start: a presenter key was generated and shown once on the console, in the framed block (it is not logged). Sign in at {SignInUrl} .")]
    private partial void LogKeyShown(string signInUrl);
}
