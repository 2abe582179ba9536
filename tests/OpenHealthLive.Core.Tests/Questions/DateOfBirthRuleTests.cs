using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

public sealed class DateOfBirthRuleTests
{
    [Theory]
    [InlineData("My patient born 03/04/1961 had a similar finding, what would you do?")]
    [InlineData("She was 3/4/61 on the request form")]
    [InlineData("Scan booked for a mother with DOB 03-04-1961")]
    [InlineData("Twins delivered 03.04.1961 in our unit")]
    [InlineData("Record says 1961-04-03, is that relevant?")]
    [InlineData("Is 1961/04/03 too old for the model?")]
    [InlineData("Mother 3 April 1961, para 2, is this high risk?")]
    [InlineData("Mother 3rd April 1961, para 2, is this high risk?")]
    [InlineData("She was born April 3, 1961 and had a previous section")]
    [InlineData("Date on the form: 03 Apr 61")]
    [InlineData("Seen on 3rd of April, 1961?")]
    [InlineData("Form says 03-Apr-1961")]
    [InlineData("She is Sept 12th 1985, is that relevant?")]
    [InlineData("The date 12/31/1985 was on the US referral")]
    [InlineData("US chart: seen 1/25/1961 with reduced movements")]
    [InlineData("The transfer form says 06/30/1985")]
    [InlineData("Label reads 11.28.1970, is that her?")]
    [InlineData("Referral of 02-13-1990 attached")]
    [InlineData("Seen on 31/12/85 with reduced movements")]
    [InlineData("Mother's DOB 1961, what is the risk?")]
    [InlineData("d.o.b. 3/61 and a BMI of 40")]
    [InlineData("D.O.B: 03/1961")]
    [InlineData("The mother was born in 1961")]
    [InlineData("Mum born '61, previous stillbirth")]
    [InlineData("She was born on 3rd April, what do you advise?")]
    [InlineData("Patient born April 1961")]
    [InlineData("Date of birth: 12 May")]
    [InlineData("YOB 1985, G3P2")]
    [InlineData("date of birth 1985 and a history of pre-eclampsia")]
    [InlineData("She was born on the 3rd of April, 1961")]
    [InlineData("Seen Apr 3 '61 at booking")]
    [InlineData("Birth date 03/1961")]
    [InlineData("birthdate: 1961")]
    public void A_full_date_or_a_date_of_birth_is_caught(string question)
    {
        Assert.Contains(GuardRules.DateOfBirth, Guard.Rules(question));
    }

    [Theory]
    [InlineData("Will the 2024 dataset be released?")]
    [InlineData("We started in April 2024 with the new scanners")]
    [InlineData("Is the software certified under ISO 13485?")]
    [InlineData("Is v0.5.0 on GitHub?")]
    [InlineData("Do you need Python 3.10.12 or newer?")]
    [InlineData("We use MONAI 1.3.2 and PyTorch 2.1.0")]
    [InlineData("Does it work at 20-24 weeks?")]
    [InlineData("We scan at 10-12-14 weeks in the trial")]
    [InlineData("Titrate 5-10-20 mg as usual?")]
    [InlineData("Is the service 24/7/365?")]
    [InlineData("Slices 1/2/3 look blurred")]
    [InlineData("Data from 2019-2024 only?")]
    [InlineData("The project was born out of a hackathon")]
    [InlineData("Does it work for a newborn in 2024 cohorts?")]
    [InlineData("See you at the 3rd April session")]
    [InlineData("On May 12, 24 patients were scanned")]
    [InlineData("Any update since 12/2024?")]
    [InlineData("Release planned for Q3 2025")]
    [InlineData("FID 7.04 seems high")]
    [InlineData("We had 12.400 images in the test set")]
    [InlineData("The deadline is 03/04, can we submit late?")]
    [InlineData("Are results at 32/40 weeks better?")]
    [InlineData("Use 10.10.10.10 as the server address?")]
    [InlineData("IEC 62304 class B or C?")]
    [InlineData("The born-in-the-cloud startups in 2024")]
    [InlineData("What was the dose in mg/kg/day?")]
    [InlineData("Is version 10.12.24 of the viewer stable?")]
    [InlineData("Does release 12.04.22 fix the export?")]
    public void A_year_a_month_or_a_number_that_only_looks_like_a_date_is_not_a_date_of_birth(string question)
    {
        Assert.DoesNotContain(GuardRules.DateOfBirth, Guard.Rules(question));
    }

    [Theory]
    [InlineData("31/13/1961")]
    [InlineData("32/12/1961")]
    [InlineData("00/04/1961")]
    [InlineData("03/00/1961")]
    [InlineData("13/13/61")]
    [InlineData("1961-13-03")]
    [InlineData("1961-04-32")]
    [InlineData("32 April 1961")]
    [InlineData("0 April 1961")]
    [InlineData("April 32, 1961")]
    [InlineData("03/04/1861")]
    [InlineData("03/04/2161")]
    public void Impossible_days_months_and_years_are_not_dates(string date)
    {
        Assert.DoesNotContain(GuardRules.DateOfBirth, Guard.Rules($"Seen on {date} in clinic"));
    }

    [Fact]
    public void A_date_of_birth_reason_names_the_keyword_and_the_year()
    {
        var finding = Guard.Finding(Guard.Default, "DOB 03/04/1961, what next?", GuardRules.DateOfBirth);

        Assert.Equal("a date of birth after “DOB” (year 1961)", finding.Reason);
    }

    [Theory]
    [InlineData("born 3rd April 1961", "a date of birth after “born” (year 1961)")]
    [InlineData("born on the 3rd of April, 1961", "a date of birth after “born” (year 1961)")]
    [InlineData("born April 3, 1961", "a date of birth after “born” (year 1961)")]
    [InlineData("born Apr '61", "a date of birth after “born” (year 61)")]
    [InlineData("Date of birth: 12 May", "a date of birth after “Date of birth” (day and month)")]
    public void A_date_found_by_two_patterns_is_one_date_reported_with_its_keyword(string question, string reason)
    {
        var finding = Guard.Finding(Guard.Default, question, GuardRules.DateOfBirth);

        Assert.Equal(reason, finding.Reason);
    }

    [Fact]
    public void A_date_without_a_keyword_is_reported_as_a_full_date()
    {
        var finding = Guard.Finding(Guard.Default, "Seen 3 April 1961.", GuardRules.DateOfBirth);

        Assert.Equal("a full date that could be a date of birth (year 1961)", finding.Reason);
    }
}
