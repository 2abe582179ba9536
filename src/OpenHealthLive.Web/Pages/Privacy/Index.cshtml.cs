using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Privacy;

namespace OpenHealthLive.Web.Pages.Privacy;

/// <summary>
/// The full privacy notice at <c>/privacy</c>: who is responsible, what is stored and why, who sees it, for how long,
/// and what a phone can do about it. The short notice on the audience page links here.
/// </summary>
public sealed class IndexModel(IOptions<PrivacyOptions> options) : PageModel
{
    public PrivacyOptions Privacy => options.Value;

    /// <summary>The talk the reader came from, for the link back (only a well-formed code).</summary>
    public string? Talk { get; private set; }

    public void OnGet(string? talk)
    {
        Talk = JoinCode.TryNormalize(talk, out var code, out _) ? code : null;
    }
}
