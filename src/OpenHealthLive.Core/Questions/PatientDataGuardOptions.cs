namespace OpenHealthLive.Core.Questions;

/// <summary>Settings of <see cref="PatientDataGuard"/> (section <c>Questions</c>).</summary>
public sealed class PatientDataGuardOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Questions";

    /// <summary>
    /// Words and phrases that hold a question when they appear in it as whole words, ignoring case and accents
    /// (for example <c>bed 4</c>, <c>ward</c>, the surnames of today's patients). Set with
    /// <c>Questions:HeldWords</c> (<c>Questions__HeldWords__0=ward</c>). Read once, when the guard is created.
    /// </summary>
    public IList<string> HeldWords { get; } = [];
}
