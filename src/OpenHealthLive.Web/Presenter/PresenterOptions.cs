using System.ComponentModel.DataAnnotations;

namespace OpenHealthLive.Web.Presenter;

/// <summary>Presenter sign-in (section <c>Presenter</c>).</summary>
public sealed class PresenterOptions
{
    public const string SectionName = "Presenter";

    /// <summary>
    /// The presenter key. When unset, a random 256-bit key is made on the first start, shown once in the
    /// start-up log, and only its hash is kept in the data directory. Never logged when set here.
    /// </summary>
    [RegularExpression("^$|^[\\s\\S]{16,}$", ErrorMessage = "Presenter:Key must have at least 16 characters; leave it unset to have a strong one generated.")]
    public string? Key { get; set; }

    /// <summary>How long a presenter sign-in lasts.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SignInLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Sign-in attempts allowed per minute from one IP address (an IPv6 /64 counts as one), and from one known
    /// presenter device (see <see cref="KnownDeviceLifetime"/>), which has a budget of its own.
    /// </summary>
    [Range(1, 1000)]
    public int SignInAttemptsPerMinute { get; set; } = 5;

    /// <summary>
    /// Wrong keys accepted per minute from all addresses together, before further attempts from devices that have
    /// never signed in wait: guessing from many addresses is no faster than this.
    /// </summary>
    [Range(1, 100_000)]
    public int SignInFailuresPerMinute { get; set; } = 20;

    /// <summary>
    /// How long a device that signed in is recognised by the sign-in throttle (an HttpOnly cookie that grants
    /// nothing else): its attempts are counted on their own, so others at its address cannot lock it out.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "730.00:00:00")]
    public TimeSpan KnownDeviceLifetime { get; set; } = TimeSpan.FromDays(180);

    /// <summary>
    /// How often each node looks for sign-ins ended elsewhere (another node, or expiry) among its open presenter
    /// hub connections, and closes them.
    /// </summary>
    [Range(1, 60)]
    public int SignOutSweepSeconds { get; set; } = 2;
}
