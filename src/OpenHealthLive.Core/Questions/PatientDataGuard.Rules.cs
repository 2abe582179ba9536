using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenHealthLive.Core.Questions;

/// <summary>The rules, each reading the normal form (<see cref="GuardText.Normalize"/>) and its digit chains.</summary>
public sealed partial class PatientDataGuard
{
    private static readonly HashSet<string> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        "weeks", "week", "wks", "wk", "w", "days", "day", "d", "hours", "hrs", "hr", "h", "min", "mins", "ms", "s",
        "years", "yrs", "yr", "y", "mm", "cm", "m", "kg", "g", "mg", "mcg", "ml", "l", "%", "mmhg", "bpm",
    };

    // Identifiers of papers, trials and standards: public, never a patient's.
    private static readonly HashSet<string> PublicIdentifierPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "nct", "isrctn", "pmid", "pmcid", "pmc", "doi", "arxiv", "isbn", "issn", "eudract", "ctri", "actrn",
        "drks", "chictr", "iso", "iec", "en", "bs", "ieee", "rfc", "orcid",
    };

    private static readonly HashSet<string> FileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "tif", "tiff", "dcm", "nii", "gz", "pdf",
    };

    private static readonly SearchValues<char> PostcodeSeparators = SearchValues.Create(" -.•·‧_/|,:'\\~*");

    private static readonly string[] MonthPrefixes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    // Rule 1: full calendar dates, and a year or partial date after "DOB" or "born".
    private static void CheckDates(string text, List<DigitChain> chains, Found found)
    {
        foreach (Match match in GuardPatterns.DateOfBirthKeyword().Matches(text))
        {
            var keyword = match.Groups[1].Value;
            var date = match.Groups[2];
            if (!IsPlausiblePartialDate(date.Value))
            {
                continue;
            }

            var year = YearOf(date.Value);
            found.Add(GuardRules.DateOfBirth, Key(date.Value), $"a date of birth after “{keyword}” ({(year is null ? "day and month" : "year " + year)})",
                year is null ? "[date of birth]" : $"[date of birth …{year}]", match.Index, match.Index + match.Length);
        }

        foreach (var chain in chains)
        {
            for (var first = 0; first + 2 < chain.Count; first++)
            {
                var last = first + 2;
                var separator = chain.Gap(first) == DigitChain.Joint ? chain.Gap(first + 1) : chain.Gap(first);
                if (!DigitChain.Alike(chain.Gap(first), chain.Gap(first + 1))
                    || !chain.StandsOut(first, last)
                    || char.IsLetter(chain.BeforeGroup(first))
                    || char.IsLetter(chain.AfterGroup(last))
                    || FollowedByUnit(text, chain.EndOf(last))
                    || AfterVersionWord(text, chain.StartOf(first)))
                {
                    continue;
                }

                var (a, b, c) = (chain.Group(first), chain.Group(first + 1), chain.Group(last));
                string? year = null;
                if (a.Length <= 2 && b.Length <= 2 && c.Length is 2 or 4)
                {
                    // Dots, dashes and spaces also separate versions, ranges and lists ("Python 3.10.12", "5-10-20",
                    // "10 12 14"): there a two-digit year needs a zero-padded day and month, and spaces a four-digit year.
                    var twoDigitYearTrusted = c.Length == 4
                        || (separator != "/" && !string.IsNullOrWhiteSpace(separator) && a.Length == 2 && b.Length == 2)
                        || separator == "/";
                    if (twoDigitYearTrusted && IsYear(c) && (IsDayAndMonth(Number(a), Number(b)) || IsDayAndMonth(Number(b), Number(a))))
                    {
                        year = c;
                    }
                }
                else if (a.Length == 4 && b.Length <= 2 && c.Length <= 2 && a[..2] is "19" or "20" && IsDayAndMonth(Number(c), Number(b)))
                {
                    year = a;
                }

                if (year is not null)
                {
                    found.Add(GuardRules.DateOfBirth, Key(text[chain.StartOf(first)..chain.EndOf(last)]), FullDateReason(year), $"[date …{year}]", chain.StartOf(first), chain.EndOf(last));
                }
            }
        }

        foreach (Match match in GuardPatterns.DayMonthYear().Matches(text))
        {
            var day = Number(match.Groups[1].Value);
            var year = match.Groups[3].Value.TrimStart('\'');
            if (day is >= 1 and <= 31 && IsYear(year))
            {
                found.Add(GuardRules.DateOfBirth, Key(match.Value), FullDateReason(year), $"[date …{year}]", match.Index, match.Index + match.Length);
            }
        }

        foreach (Match match in GuardPatterns.MonthDayYear().Matches(text))
        {
            var day = Number(match.Groups[2].Value);
            var year = match.Groups[3].Value.TrimStart('\'');
            if (day is >= 1 and <= 31 && IsYear(year))
            {
                found.Add(GuardRules.DateOfBirth, Key(match.Value), FullDateReason(year), $"[date …{year}]", match.Index, match.Index + match.Length);
            }
        }
    }

    // A date is known by what is written, not where: found by two patterns ("DOB 3rd April 1961"), or read again
    // with the author's name in front of it (Inspect), it is one date, not two.
    private static string Key(string date) => date;

    private static int Number(string digits) => digits.Length is > 0 and <= 9 ? int.Parse(digits, CultureInfo.InvariantCulture) : -1;

    private static string FullDateReason(string year) => $"a full date that could be a date of birth (year {year})";

    private static bool IsYear(string year) =>
        year.Length == 2 || (year.Length == 4 && year[..2] is "19" or "20");

    private static bool IsDayAndMonth(int day, int month) => day is >= 1 and <= 31 && month is >= 1 and <= 12;

    /// <summary>"34+2" after "born" is a gestation, not a date: the numbers of a partial date must be able to be one.</summary>
    private static bool IsPlausiblePartialDate(string value)
    {
        var numbers = Numbers(value);
        if (HasMonthWord(value) || numbers.Count <= 1)
        {
            return true;
        }

        var (a, b) = (Number(numbers[0]), Number(numbers[1]));
        if (numbers.Count == 2)
        {
            // Day and month, or month and year ("3/61").
            return IsDayAndMonth(a, b) || IsDayAndMonth(b, a) || (a is >= 1 and <= 12 && IsYear(numbers[1]));
        }

        return (IsDayAndMonth(a, b) || IsDayAndMonth(b, a)) && IsYear(numbers[2]);
    }

    /// <summary>The year in a partial date, or null when it has none ("3rd April", "3/5").</summary>
    private static string? YearOf(string value)
    {
        var numbers = Numbers(value);
        if (numbers.Count == 0)
        {
            return null;
        }

        if (numbers.Find(n => n.Length == 4) is { } four)
        {
            return four;
        }

        var apostrophe = value.IndexOf('\'', StringComparison.Ordinal);
        if (apostrophe >= 0 && numbers.Find(n => value.IndexOf(n, apostrophe, StringComparison.Ordinal) == apostrophe + 1) is { } marked)
        {
            return marked;
        }

        if (numbers.Count >= 3)
        {
            return numbers[^1];
        }

        if (numbers.Count == 2)
        {
            // "3 May 50": a number after the month is a year; "3/61": a second number that cannot be a day or month is one.
            return HasMonthWord(value) && !char.IsAsciiDigit(value.TrimEnd()[^1]) ? null
                : HasMonthWord(value) || Number(numbers[1]) > 31 ? numbers[1] : null;
        }

        return null;
    }

    private static List<string> Numbers(string value) =>
        [.. Regex.Split(value, "[^0-9]+", RegexOptions.None, TimeSpan.FromMilliseconds(GuardPatterns.TimeoutMilliseconds)).Where(n => n.Length > 0)];

    private static bool HasMonthWord(string value)
    {
        var lower = value.ToLowerInvariant();
        return Array.Exists(MonthPrefixes, m => lower.Contains(m, StringComparison.Ordinal));
    }

    // Rule 2: ten digits passing the Modulus 11 check, however they are grouped and separated.
    private static void CheckNhsNumbers(List<NhsShaped> candidates, Found found)
    {
        foreach (var candidate in candidates.Where(c => NhsNumber.IsValid(c.Digits)))
        {
            found.Add(GuardRules.NhsNumber, candidate.Digits, $"an NHS number with a valid check digit (ending {GuardText.Tail(candidate.Digits)})",
                $"[NHS number ending {GuardText.Tail(candidate.Digits)}]", candidate.Start, candidate.End);
        }
    }

    /// <summary>
    /// Ten-digit numbers as people write them: the digits of a whole chain, or of a run of its groups that stands
    /// out from the rest (<see cref="DigitChain.StandsOut"/>), or three groups of 3, 3 and 4 anywhere ("in 2019 943
    /// 476 5919"). Not after a + (a phone number), not the fraction of a decimal, not "0.943476591".
    /// </summary>
    private static List<NhsShaped> NhsShapedNumbers(List<DigitChain> chains)
    {
        var shaped = new List<NhsShaped>();
        foreach (var chain in chains)
        {
            for (var first = 0; first < chain.Count; first++)
            {
                var length = 0;
                for (var last = first; last < chain.Count && length < 10; last++)
                {
                    length += chain.Length(last);
                    if (length != 10)
                    {
                        continue;
                    }

                    var whole = first == 0 && last == chain.Count - 1;
                    var threeThreeFour = last - first == 2 && chain.Length(first) == 3 && chain.Length(first + 1) == 3;
                    var dotted = Enumerable.Range(first, last - first).Any(g => chain.Gap(g).Contains('.', StringComparison.Ordinal));
                    var qualifies = chain.StandsOut(first, last) || (threeThreeFour && (!dotted || whole));
                    if (!qualifies
                        || (first == 0 && chain.Before == '+')
                        || IsDecimalPart(chain, first, last)
                        || (last == first + 1 && chain.Group(first) == "0" && chain.Gap(first) is "." or ","))
                    {
                        continue;
                    }

                    shaped.Add(new NhsShaped(chain.Digits(first, last), threeThreeFour, chain.StartOf(first), chain.EndOf(last)));
                }
            }
        }

        return shaped;
    }

    /// <summary>A lone group that is the integer or fractional part of a decimal or grouped number (7.04, 12,400).</summary>
    private static bool IsDecimalPart(DigitChain chain, int first, int last) =>
        first == last && (chain.Gap(first - 1) is "." or "," || chain.Gap(last) is "." or ","); // Gap is empty outside the chain.

    // Rule 3: identifier-like numbers, and identifiers after a hospital-number keyword or a trust code.
    private static void CheckHospitalNumbers(string text, List<DigitChain> chains, List<NhsShaped> nhsShaped, bool[] inPhoneNumber, Found found)
    {
        foreach (Match match in GuardPatterns.HospitalNumberKeyword().Matches(text))
        {
            var end = match.Index + match.Length;
            if (char.IsLetter(GuardText.At(text, end)))
            {
                continue; // "case numbers", "patient identity"
            }

            var (start, stop, digits) = IdentifierAfter(text, end);
            if (digits.Length >= 4)
            {
                var identifier = text[start..stop];
                found.Add(GuardRules.HospitalNumber, digits, $"a hospital number after “{match.Groups[1].Value}” (ending {GuardText.Tail(identifier)})",
                    $"[hospital number ending {GuardText.Tail(identifier)}]", start, stop);
            }
        }

        foreach (Match match in GuardPatterns.TrustPrefixedNumber().Matches(text))
        {
            found.Add(GuardRules.HospitalNumber, GuardText.DigitsOf(match.Value), $"a hospital number after a trust code (ending {GuardText.Tail(match.Value)})",
                $"[hospital number ending {GuardText.Tail(match.Value)}]", match.Index, match.Index + match.Length);
        }

        foreach (var chain in chains)
        {
            for (var g = 0; g < chain.Count; g++)
            {
                var digits = chain.Group(g);
                if (digits.Length < 7
                    || IsDecimalPart(chain, g, g)
                    || digits.EndsWith("0000", StringComparison.Ordinal)
                    || (digits.Length == 10 && NhsNumber.IsValid(digits))
                    || inPhoneNumber[chain.StartOf(g)]
                    || AfterPublicIdentifierPrefix(text, chain.StartOf(g)))
                {
                    continue;
                }

                found.Add(GuardRules.HospitalNumber, digits, $"{(digits.Length is 8 or 11 or 18 ? "an" : "a")} {digits.Length}-digit identifier-like number (ending {GuardText.Tail(digits)})",
                    $"[hospital number ending {GuardText.Tail(digits)}]", chain.StartOf(g), chain.EndOf(g));
            }
        }

        // 943 476 5918: written like an NHS number, a mistyped one is still an identifier.
        foreach (var candidate in nhsShaped.Where(c => c.ThreeThreeFour && !inPhoneNumber[c.Start] && !NhsNumber.IsValid(c.Digits)))
        {
            found.Add(GuardRules.HospitalNumber, candidate.Digits, $"a 10-digit number grouped like an NHS number, with a wrong check digit (ending {GuardText.Tail(candidate.Digits)})",
                $"[hospital number ending {GuardText.Tail(candidate.Digits)}]", candidate.Start, candidate.End);
        }
    }

    /// <summary>
    /// The identifier after a hospital-number keyword: "is" or "was" and separators skipped, then pieces of letters
    /// and digits joined by short separators, as long as they have digits ("K 123 456", "AB-1234", "009/12345");
    /// a short run of letters may lead ("K", "AB", "RXH").
    /// </summary>
    private static (int Start, int End, string Digits) IdentifierAfter(string text, int at)
    {
        // "hospital no. - AB 1234": an abbreviation's dot, then a separator.
        at = SkipSeparators(text, at, 4);
        foreach (var word in (ReadOnlySpan<string>)["is", "was"])
        {
            if (text.AsSpan(at).StartsWith(word, StringComparison.OrdinalIgnoreCase) && !char.IsLetterOrDigit(GuardText.At(text, at + word.Length)))
            {
                at = SkipSeparators(text, at + word.Length, 3);
                break;
            }
        }

        var start = at;
        var end = at;
        var pieces = 0;
        while (at < text.Length && char.IsLetterOrDigit(text[at]))
        {
            var pieceStart = at;
            while (at < text.Length && char.IsLetterOrDigit(text[at]))
            {
                at++;
            }

            var piece = text.AsSpan(pieceStart, at - pieceStart);
            var hasDigit = piece.ContainsAnyInRange('0', '9');
            var leadingLetters = pieces == 0 && !hasDigit && piece.Length <= 3;
            if (!hasDigit && !leadingLetters)
            {
                break;
            }

            pieces++;
            if (hasDigit)
            {
                end = at;
            }

            var next = SkipSeparators(text, at, 3);
            if (next == at || next >= text.Length || !char.IsLetterOrDigit(text[next]) || IsListBreak(text, at, next))
            {
                break;
            }

            at = next;
        }

        return end > start ? (start, end, GuardText.DigitsOf(text.AsSpan(start, end - start))) : (start, start, string.Empty);
    }

    private static int SkipSeparators(string text, int at, int most)
    {
        var limit = Math.Min(text.Length, at + most);
        while (at < limit && !char.IsLetterOrDigit(text[at]))
        {
            at++;
        }

        return at;
    }

    private static bool IsListBreak(string text, int from, int to) =>
        to - from >= 2 && text[from] is ',' or ';' or '.' or '!' or '?' or ':' && text[from + 1] == ' ';

    private static bool AfterPublicIdentifierPrefix(string text, int start)
    {
        var end = start;
        while (end > 0 && start - end < 3 && text[end - 1] is ' ' or ':' or '#' or '-')
        {
            end--;
        }

        var begin = end;
        while (begin > 0 && char.IsAsciiLetter(text[begin - 1]))
        {
            begin--;
        }

        return begin < end && PublicIdentifierPrefixes.Contains(text[begin..end]);
    }

    // Rule 4: e-mail addresses.
    private static void CheckEmails(string text, Found found)
    {
        foreach (Match match in GuardPatterns.Email().Matches(text))
        {
            var domain = match.Groups["domain"].Value;
            var local = match.Value[..^domain.Length].TrimEnd(' ', '@', '[', ']', '(', ')');
            if (local.EndsWith("at", StringComparison.OrdinalIgnoreCase) && !match.Value.Contains('@', StringComparison.Ordinal))
            {
                local = local[..^2].TrimEnd(' ', '[', '(');
            }

            var topLevel = match.Groups["tld"].Value.ToLowerInvariant();
            if (local.Trim('.').Length == 0 || FileExtensions.Contains(topLevel))
            {
                continue;
            }

            var labels = Regex.Replace(domain, @" ?[\[(]dot[\])] ?", ".", RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(GuardPatterns.TimeoutMilliseconds))
                .ToLowerInvariant().Split('.');
            var shown = labels.Length >= 3 ? string.Join('.', labels[^2..]) : labels[^1];
            found.Add(GuardRules.Email, match.Value.ToLowerInvariant(), $"an e-mail address (…@….{topLevel})", $"[e-mail at …{shown}]", match.Index, match.Index + match.Length);
        }
    }

    // Rule 5: UK phone numbers (national or +44) and international numbers after a + or 00, however grouped.
    private static void CheckPhones(List<DigitChain> chains, bool[] inPhoneNumber, Found found)
    {
        foreach (var chain in chains)
        {
            var all = chain.Digits(0, chain.Count - 1);
            var plus = chain.Before == '+';
            var doubleZero = !plus && all.Length > 2 && all.StartsWith("00", StringComparison.Ordinal) && all[2] != '0' && chain.Length(0) >= 2;
            if (plus || doubleZero)
            {
                var number = doubleZero ? all[2..] : all;
                if (number[0] != '0' && number.Length >= 8)
                {
                    var national = number.StartsWith("44", StringComparison.Ordinal) ? number[2..].TrimStart('0') : null;
                    var kind = national is null || national.Length is < 9 or > 10 ? "an international phone number"
                        : national[0] == '7' ? "a UK mobile number" : "a UK phone number";
                    Add(chain.Start - (plus ? 1 : 0), chain.EndOf(chain.Count - 1), number, kind);
                    continue;
                }
            }

            for (var first = 0; first < chain.Count; first++)
            {
                if (chain.Group(first)[0] != '0'
                    || (first == 0 && chain.Before == '+')
                    || char.IsLetter(chain.BeforeGroup(first))
                    || chain.Gap(first - 1) is "." or ","
                    || inPhoneNumber[chain.StartOf(first)])
                {
                    continue;
                }

                var length = 0;
                for (var last = first; last < chain.Count && length < 11; last++)
                {
                    length += chain.Length(last);
                    if (length is not (10 or 11))
                    {
                        continue;
                    }

                    var digits = chain.Digits(first, last);
                    var rightLength = digits[1] == '7' ? length == 11 : digits[1] != '0';
                    // "0.0123456789" is a decimal; "0,7700,900123" is not.
                    var isDecimal = last == first + 1 && chain.Group(first) == "0" && chain.Gap(first) is "." or ",";
                    var afterADate = first >= 3 && StartsWithDate(chain, first - 3, first - 1);
                    if (rightLength && !isDecimal && chain.StandsOut(first, last, afterADate) && !StartsWithDate(chain, first, last))
                    {
                        Add(chain.StartOf(first), chain.EndOf(last), digits, digits[1] == '7' ? "a UK mobile number" : "a UK phone number");
                        break;
                    }
                }
            }
        }

        void Add(int start, int end, string digits, string kind)
        {
            Array.Fill(inPhoneNumber, true, start, end - start);
            // The last nine digits are the same in 07700 900123 and +44 7700 900123: one number, not two.
            found.Add(GuardRules.Phone, digits[^Math.Min(9, digits.Length)..], $"{kind} (ending {GuardText.Tail(digits)})",
                $"[phone number ending {GuardText.Tail(digits)}]", start, end);
        }
    }

    /// <summary>"01-02-2024 12": a date and a number, not a phone number.</summary>
    private static bool StartsWithDate(DigitChain chain, int first, int last) =>
        last - first >= 2
        && chain.Length(first) <= 2 && chain.Length(first + 1) <= 2 && chain.Length(first + 2) is 2 or 4
        && (IsDayAndMonth(Number(chain.Group(first)), Number(chain.Group(first + 1))) || IsDayAndMonth(Number(chain.Group(first + 1)), Number(chain.Group(first))));

    // Rule 6: full UK postcodes, whatever separates their characters ("SW1A-1AA", "S W 1 A 1 A A").
    private static void CheckPostcodes(string text, Found found)
    {
        var pieces = new List<(int Start, int End)>();
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
            }

            pieces.Add((start, i));
        }

        for (var first = 0; first < pieces.Count; first++)
        {
            // A piece glued to a letter of another script is part of a word, not a postcode.
            if (char.IsLetterOrDigit(GuardText.At(text, pieces[first].Start - 1)))
            {
                continue;
            }

            var compact = string.Empty;
            for (var last = first; last < pieces.Count && last - first < 7; last++)
            {
                if (last > first)
                {
                    var gap = text.AsSpan(pieces[last - 1].End, pieces[last].Start - pieces[last - 1].End);
                    if (gap.Length > 3 || gap.ContainsAnyExcept(PostcodeSeparators))
                    {
                        break;
                    }
                }

                compact += text[pieces[last].Start..pieces[last].End];
                if (compact.Length > 7 || char.IsLetterOrDigit(GuardText.At(text, pieces[last].End)))
                {
                    break;
                }

                if (compact.Length >= 5 && IsPostcode(text, pieces[first].Start, pieces[last].End, compact, found))
                {
                    first = last;
                    break;
                }
            }
        }
    }

    private static bool IsPostcode(string text, int start, int end, string compact, Found found)
    {
        var match = GuardPatterns.CompactPostcode().Match(compact.ToUpperInvariant());
        if (!match.Success)
        {
            return false;
        }

        var area = match.Groups[1].Value;
        var district = match.Groups[2].Value;
        var inward = match.Groups[3].Value;

        // SW1A, W1A, EC1A: a letter after the district only from the letters Royal Mail uses there.
        if (district.Length == 2 && char.IsAsciiLetter(district[1]) && !(area.Length == 1 ? "ABCDEFGHJKPSTUW" : "ABEHMNPRVWXY").Contains(district[1], StringComparison.Ordinal))
        {
            return false;
        }

        // "E2 3rd", "n1 1st": an ordinal typed in lower case, not a postcode.
        if (!compact.Any(char.IsAsciiLetterUpper) && IsOrdinal(inward))
        {
            return false;
        }

        found.Add(GuardRules.Postcode, area + district + inward, $"a full UK postcode ({area}{district} …)", $"[postcode {area}{district} …]", start, end);
        return true;
    }

    private static bool IsOrdinal(string inward)
    {
        var suffix = inward[1..].ToLowerInvariant();
        return (inward[0], suffix) switch
        {
            ('1', "st") or ('2', "nd") or ('3', "rd") => true,
            (not ('1' or '2' or '3'), "th") => true,
            _ => false,
        };
    }

    // Rule 7: configured words and phrases, as whole words, ignoring case and accents.
    private void CheckHeldWords(string normalized, Found found)
    {
        if (_heldWords.Length == 0)
        {
            return;
        }

        var map = new List<int>(normalized.Length);
        var folded = GuardText.Fold(normalized, map);
        foreach (var word in _heldWords)
        {
            var from = 0;
            while (from <= folded.Length - word.Length)
            {
                var index = folded.IndexOf(word, from, StringComparison.Ordinal);
                if (index < 0)
                {
                    break;
                }

                var end = index + word.Length;
                if (!char.IsLetterOrDigit(GuardText.At(folded, index - 1)) && !char.IsLetterOrDigit(GuardText.At(folded, end)))
                {
                    found.Add(GuardRules.WordList, word, $"a word or phrase on the held list (“{word[0]}…”)", "[held word]", map[index], map[end - 1] + 1);
                }

                from = index + 1;
            }
        }
    }

    /// <summary>"version 10.12.24", "release 1.2.24": a version number, not a date.</summary>
    private static bool AfterVersionWord(string text, int start)
    {
        var end = start - 1;
        if (GuardText.At(text, end) == ' ')
        {
            end--;
        }

        var begin = end;
        while (begin >= 0 && char.IsAsciiLetter(text[begin]))
        {
            begin--;
        }

        if (end < 0 || begin == end)
        {
            return false;
        }

        var word = text.AsSpan(begin + 1, end - begin);
        return word.Equals("version", StringComparison.OrdinalIgnoreCase) || word.Equals("release", StringComparison.OrdinalIgnoreCase)
            || word.Equals("build", StringComparison.OrdinalIgnoreCase) || word.Equals("ver", StringComparison.OrdinalIgnoreCase);
    }

    private static bool FollowedByUnit(string text, int start)
    {
        if (GuardText.At(text, start) is ' ' or '-')
        {
            start++;
        }

        var end = start;
        while (end < text.Length && (char.IsAsciiLetter(text[end]) || text[end] == '%'))
        {
            end++;
        }

        return end > start && Units.Contains(text[start..end]);
    }

    /// <summary>A ten-digit number written like an NHS number, whether or not its check digit is right.</summary>
    private sealed record NhsShaped(string Digits, bool ThreeThreeFour, int Start, int End);
}
