namespace OpenHealthLive.Core.Questions;

/// <summary>The stable ids of <see cref="PatientDataGuard"/>'s rules, as found in <see cref="GuardFinding.Rule"/>.</summary>
public static class GuardRules
{
    /// <summary>A full calendar date, or a year or partial date after "DOB" or "born".</summary>
    public const string DateOfBirth = "date-of-birth";

    /// <summary>A 10-digit number that passes the NHS Modulus 11 check.</summary>
    public const string NhsNumber = "nhs-number";

    /// <summary>An identifier-like number, or an identifier after a hospital-number keyword.</summary>
    public const string HospitalNumber = "hospital-number";

    /// <summary>An e-mail address.</summary>
    public const string Email = "email";

    /// <summary>A UK or international phone number.</summary>
    public const string Phone = "phone";

    /// <summary>A full UK postcode.</summary>
    public const string Postcode = "postcode";

    /// <summary>A word or phrase from <see cref="PatientDataGuardOptions.HeldWords"/>.</summary>
    public const string WordList = "word-list";
}
