using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Pages.Presenter;

/// <summary>
/// Exchanges a speaker, moderator or captioner link's secret (posted from the form; the link carries it after '#') for a
/// sign-in to that one session with that role. Attempts are throttled like the presenter key's.
/// </summary>
public sealed class JoinModel(
    SessionGrants grants, PresenterKeyStore keys, SignInThrottle throttle, KnownPresenterDevices devices, PresenterSignIns signIns, IOptions<PresenterOptions> options) : PageModel
{
    public const string WrongSecret = "That code does not sign anyone in: it may be mistyped, or the organiser may have revoked it. Ask them for a new link.";

    [BindProperty]
    [FromForm(Name = nameof(Secret))]
    [Required(ErrorMessage = "Enter the code from the organiser's link.")]
    [StringLength(64, ErrorMessage = "That is longer than any sign-in code.")]
    public string? Secret { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var attempt = throttle.TryAttempt(HttpContext.Connection.RemoteIpAddress, devices.Read(Request));
        if (!attempt.Allowed)
        {
            var seconds = ((int)Math.Ceiling(attempt.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds;
            Error = $"Too many sign-in attempts. Wait {seconds} seconds and try again.";
            return Page();
        }

        if (!ModelState.IsValid)
        {
            throttle.NotAFailure(attempt);
            Error = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        string signIn;
        StaffRole role;
        string session;
        try
        {
            if (await grants.FindLiveAsync(Secret, cancellationToken) is not { } grant || StaffMember.Parse(grant.Role) is not { } granted)
            {
                Error = WrongSecret;
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Page();
            }

            throttle.NotAFailure(attempt);
            (role, session) = (granted, grant.SessionCode);
            signIn = await signIns.StartAsync(options.Value.SignInLifetime, cancellationToken, role, session, grant.Id);
        }
        catch (Exception ex) when (ex is DbUpdateException || StorageErrors.IsUnavailable(ex))
        {
            Error = "The server cannot check or record the sign-in: its database is not answering. Try again in a moment.";
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        await HttpContext.SignInAsync(PresenterAuthentication.Scheme, PresenterAuthentication.CreatePrincipal(keys.Generation, signIn, role, session));
        return LocalRedirect(role switch
        {
            StaffRole.Moderator => $"/presenter/{session}/moderate",
            StaffRole.Captioner => $"/presenter/{session}/captions",
            _ => $"/presenter/{session}",
        });
    }
}
