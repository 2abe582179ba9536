using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>Shared guards for the rule tests.</summary>
internal static class Guard
{
    /// <summary>A guard with no held words: the built-in rules only.</summary>
    public static PatientDataGuard Default { get; } = new(new PatientDataGuardOptions());

    public static PatientDataGuard WithWords(params string[] words)
    {
        var options = new PatientDataGuardOptions();
        foreach (var word in words)
        {
            options.HeldWords.Add(word);
        }

        return new PatientDataGuard(options);
    }

    /// <summary>The ids of the rules that fired on <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Rules(string text) => [.. Default.Check(text).Select(f => f.Rule)];

    /// <summary>The finding of <paramref name="rule"/> on <paramref name="text"/>; fails when the rule did not fire.</summary>
    public static GuardFinding Finding(PatientDataGuard guard, string text, string rule)
    {
        var findings = guard.Check(text);
        var finding = findings.SingleOrDefault(f => f.Rule == rule);
        Assert.True(finding is not null, $"Expected rule {rule} on \"{text}\"; got [{string.Join(", ", findings.Select(f => f.Rule))}].");
        return finding;
    }
}
