using System.Text.RegularExpressions;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Security;

/// <summary>
/// One device's browser for one site: keeps the cookies the server sets (and forgets those it deletes), and fills
/// in the antiforgery token of a form as the page would. Wraps a client that keeps no cookies of its own
/// (<see cref="RealServer.Client"/> or the factory's plain client), so the test sees every response.
/// </summary>
public sealed partial class Browser(HttpClient client) : IDisposable
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    /// <summary>The cookie named <paramref name="name"/> as a request header value (name=value), or null.</summary>
    public string? Cookie(string name) => _cookies.TryGetValue(name, out var value) ? $"{name}={value}" : null;

    /// <summary>Drops a cookie, as a browser does when it expires.</summary>
    public void Forget(string name) => _cookies.Remove(name);

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                var nameValue = setCookie.Split(';')[0];
                var equals = nameValue.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (nameValue[..equals], nameValue[(equals + 1)..]);
                var expired = DeletedCookie().IsMatch(setCookie);
                if (expired || value.Length == 0)
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }

        return response;
    }

    public async Task<HttpResponseMessage> GetAsync(string path, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        AddHeaders(request, headers);
        return await SendAsync(request);
    }

    /// <summary>Opens <paramref name="formPage"/> for its antiforgery token, then posts <paramref name="form"/> to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, IReadOnlyDictionary<string, string> form, IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        string token;
        using (var page = await GetAsync(formPage, headers))
        {
            var html = await page.Content.ReadAsStringAsync();
            token = AntiforgeryToken().Match(html) is { Success: true } match
                ? match.Groups[1].Value
                : throw new Xunit.Sdk.XunitException($"{formPage} answered {(int)page.StatusCode} without a form token.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, action)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = token }),
        };
        AddHeaders(request, headers);
        return await SendAsync(request);
    }

    /// <summary>Types <paramref name="key"/> into the sign-in form and submits it.</summary>
    public Task<HttpResponseMessage> SignInAsync(string key, IReadOnlyDictionary<string, string>? headers = null) =>
        PostFormAsync("/presenter/sign-in", "/presenter/sign-in", new Dictionary<string, string> { ["Key"] = key }, headers);

    /// <summary>Presses "Sign out" on the presenter console.</summary>
    public Task<HttpResponseMessage> SignOutAsync() =>
        PostFormAsync("/presenter", "/presenter?handler=SignOut", new Dictionary<string, string>());

    public void Dispose() => client.Dispose();

    private static void AddHeaders(HttpRequestMessage request, IReadOnlyDictionary<string, string>? headers)
    {
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("expires=Thu, 01 Jan 1970", RegexOptions.IgnoreCase)]
    private static partial Regex DeletedCookie();
}
