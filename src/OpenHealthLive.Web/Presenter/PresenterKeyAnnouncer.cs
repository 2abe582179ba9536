using OpenHealthLive.Web.Infrastructure;

namespace OpenHealthLive.Web.Presenter;

/// <summary>
/// Shows a generated presenter key once, on the first start, with the sign-in URL, when the server is
/// listening. The key is never written anywhere else and never put in a URL.
/// </summary>
internal sealed partial class PresenterKeyAnnouncer(
    PresenterKeyStore keys,
    IHostApplicationLifetime lifetime,
    PublicAddress address,
    ILogger<PresenterKeyAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            if (keys.TakeGeneratedKey() is { } key)
            {
                var signIn = address.BaseUrl(request: null) is { } baseUrl ? new Uri(baseUrl, "presenter/sign-in").ToString() : "/presenter/sign-in";
                LogFirstStartKey(key, signIn, keys.HashFile ?? string.Empty);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "First start: the presenter key is {PresenterKey} . Sign in at {SignInUrl} . Write the key down: it is shown only this once " +
        "(only its hash is kept, in {HashFile}; delete that file and restart to get a new key).")]
    private partial void LogFirstStartKey(string presenterKey, string signInUrl, string hashFile);
}
