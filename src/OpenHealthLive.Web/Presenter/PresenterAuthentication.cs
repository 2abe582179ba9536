using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Web.Presenter;

/// <summary>
/// The presenter signs in once with the key and gets an HttpOnly cookie; pages, the hub and exports check
/// the cookie's role claim. The cookie names a sign-in recorded in the database (<see cref="PresenterSignIns"/>),
/// checked at every request that carries it, so that signing out ends the cookie and every copy of it.
/// </summary>
public static partial class PresenterAuthentication
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string Policy = "Presenter";
    public const string Role = "presenter";
    public const string KeyGenerationClaim = "ohl:key-generation";
    public const string SignInClaim = "ohl:sign-in";
    public const string CookieName = "ohl.presenter";

    public static bool IsPresenter(ClaimsPrincipal? user) => user?.IsInRole(Role) ?? false;

    /// <summary>The recorded sign-in a presenter's cookie names, or null.</summary>
    public static string? SignInId(ClaimsPrincipal? user) => user?.FindFirstValue(SignInClaim);

    /// <summary>
    /// The principal of a sign-in: every member of staff has the <see cref="Role"/> role (pages and the hub let them
    /// in), and <see cref="StaffMember.RoleClaim"/> and <see cref="StaffMember.SessionClaim"/> say what they may do.
    /// </summary>
    public static ClaimsPrincipal CreatePrincipal(string keyGeneration, string signInId, StaffRole staffRole = StaffRole.Organiser, string? sessionCode = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, staffRole == StaffRole.Organiser ? "Presenter" : $"{StaffMember.Name(staffRole)} of {sessionCode}"),
            new(ClaimTypes.Role, Role),
            new(KeyGenerationClaim, keyGeneration),
            new(SignInClaim, signInId),
            new(StaffMember.RoleClaim, StaffMember.Name(staffRole)),
        };
        if (sessionCode is not null)
        {
            claims.Add(new(StaffMember.SessionClaim, sessionCode));
        }

        return new(new ClaimsIdentity(claims, Scheme));
    }

    internal static WebApplicationBuilder AddPresenter(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PresenterOptions>()
            .BindConfiguration(PresenterOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<PresenterKeyStore>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<KnownPresenterDevices>();
        builder.Services.AddSingleton<PresenterConnections>();
        builder.Services.AddSingleton<PresenterSignIns>();
        builder.Services.AddSingleton<SessionGrants>();
        builder.Services.AddHostedService<SignInSweep>();
        builder.Services.AddHostedService<PresenterKeyAnnouncer>();

        builder.Services.AddAuthentication(Scheme).AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            // Plain HTTP on a venue LAN must work, so the cookie is Secure only when the request is.
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/presenter/sign-in";
            cookie.AccessDeniedPath = "/presenter/sign-in";
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = ValidateAsync;
            cookie.Events.OnCheckSlidingExpiration = SlideAsync;
        });
        builder.Services.AddOptions<CookieAuthenticationOptions>(Scheme)
            .Configure<IOptions<PresenterOptions>>((cookie, presenter) => cookie.ExpireTimeSpan = presenter.Value.SignInLifetime);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.RequireRole(Role));
        return builder;
    }

    /// <summary>
    /// Every request that carries the cookie (the presenter's pages, exports, the hub's handshake; phones never carry
    /// it), static files apart: the key must be the current one and the sign-in still live, one read by primary key.
    /// </summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        // The browser sends the cookie with every script, stylesheet and image of the console too. Those need no
        // identity: they are served as to anyone, without a read.
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
        {
            context.RejectPrincipal();
            return;
        }

        var services = context.HttpContext.RequestServices;
        var keys = services.GetRequiredService<PresenterKeyStore>();
        bool live;
        try
        {
            live = context.Principal?.FindFirstValue(KeyGenerationClaim) == keys.Generation
                && await services.GetRequiredService<PresenterSignIns>().IsLiveAsync(SignInId(context.Principal), context.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex))
        {
            // Cannot tell: no presenter rights for this request, but the cookie is kept for when the database is back.
            LogCannotCheck(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PresenterAuthentication)), ex.GetType().Name);
            context.RejectPrincipal();
            return;
        }

        if (!live)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }

    /// <summary>The cookie slides forward (sliding expiration): so does the recorded sign-in, unless it has ended.</summary>
    private static async Task SlideAsync(CookieSlidingExpirationContext context)
    {
        if (!context.ShouldRenew)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var lifetime = services.GetRequiredService<IOptions<PresenterOptions>>().Value.SignInLifetime;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        try
        {
            context.ShouldRenew = SignInId(context.Principal) is { } id
                && await services.GetRequiredService<PresenterSignIns>().ExtendAsync(id, now + lifetime, context.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is DbUpdateException || StorageErrors.IsUnavailable(ex))
        {
            context.ShouldRenew = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check a presenter sign-in ({Error}): the request goes on without presenter rights")]
    private static partial void LogCannotCheck(ILogger logger, string error);
}
