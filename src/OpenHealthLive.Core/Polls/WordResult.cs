namespace OpenHealthLive.Core.Polls;

/// <summary>One entry of a word cloud.</summary>
/// <param name="Word">The answer as normalised by <see cref="WordNormalizer"/>.</param>
/// <param name="Count">How many voters gave it.</param>
public sealed record WordResult(string Word, int Count);
