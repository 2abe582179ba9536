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

    /// <summary>Sign-in attempts allowed per IP address per minute.</summary>
    [Range(1, 1000)]
    public int SignInAttemptsPerMinute { get; set; } = 5;
}
