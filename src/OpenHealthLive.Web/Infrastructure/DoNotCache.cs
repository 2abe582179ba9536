namespace OpenHealthLive.Web.Infrastructure;

/// <summary>"Keep no copy of this response", for the staff's pages, which show the talk as it is now.</summary>
public static class DoNotCache
{
    /// <summary>
    /// Sets <c>Cache-Control: no-cache, no-store</c> and <c>Pragma: no-cache</c>: what antiforgery itself sets on a page that
    /// carries a token. A page with a form (sign out, start a session) then keeps its header as it is, and the log has no
    /// "The 'Cache-Control' and 'Pragma' headers have been overridden" warning each time a speaker opens it.
    /// </summary>
    public static void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers.Pragma = "no-cache";
    }
}
