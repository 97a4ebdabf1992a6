using CoRM.Domain.Constituents;

namespace CoRM.Domain.Tests;

public sealed class PersonMatchingTests
{
    private static readonly DateOnly Born = new(2004, 3, 17);

    [Theory]
    [InlineData("Ana-Sofia  D'Ávila", "ANA SOFIA DAVILA")]
    [InlineData("  joão   gonçalves ", "JOAO GONCALVES")]
    [InlineData("Straße", "STRASSE")]
    [InlineData("Søren Ærø", "SOREN AERO")]
    [InlineData("Łukasz", "LUKASZ")]
    [InlineData("O’Brien", "OBRIEN")]
    [InlineData("", "")]
    public void Names_fold_case_accents_spacing_and_common_transliterations(string name, string key) =>
        Assert.Equal(key, MatchKeys.Name(name));

    [Theory]
    [InlineData("912 345 678", "351", "+351912345678")]
    [InlineData("+351 912-345-678", "351", "+351912345678")]
    [InlineData("00351912345678", "351", "+351912345678")]
    [InlineData("(0)20 7946 0958", "44", "+442079460958")]
    [InlineData("12", "351", null)]
    [InlineData(null, "351", null)]
    public void Phones_normalise_to_e164_with_the_institutions_calling_code(string? phone, string code, string? e164) =>
        Assert.Equal(e164, MatchKeys.Phone(phone, code));

    [Fact]
    public void Emails_and_postcodes_normalise()
    {
        Assert.Equal("ana.silva@example.org", MatchKeys.Email("  Ana.Silva@Example.ORG "));
        Assert.Null(MatchKeys.Email("not an address"));
        Assert.Equal("1000001", MatchKeys.PostalCode("1000-001"));
        Assert.Equal("SW1A1AA", MatchKeys.PostalCode("sw1a 1aa"));
    }

    [Fact]
    public void The_same_email_with_a_compatible_first_name_is_the_same_person()
    {
        var score = PersonMatcher.Score(new("Ana", "Silva", "ana@example.org"), new("Ana", "Silva Santos", "ANA@example.org "));
        Assert.Equal(MatchVerdict.SamePerson, score.VerdictAt(MatchThresholds.Default));
        Assert.Contains("same e-mail", score.Reasons);
    }

    [Fact]
    public void A_family_email_shared_by_different_first_names_is_not_an_identity()
    {
        var score = PersonMatcher.Score(new("Rui", "Almeida", "almeida.family@example.org"), new("Sofia", "Almeida", "almeida.family@example.org"));
        Assert.Equal(MatchVerdict.NewPerson, score.VerdictAt(MatchThresholds.Default));
        Assert.Contains("same e-mail, different first name", score.Reasons);
    }

    [Fact]
    public void Name_and_birth_date_make_the_same_person_and_a_typo_makes_a_possible_duplicate()
    {
        Assert.Equal(MatchVerdict.SamePerson, PersonMatcher.Score(new("José", "Gonçalves", BirthDate: Born), new("jose", "GONCALVES", BirthDate: Born)).VerdictAt(MatchThresholds.Default));
        var typo = PersonMatcher.Score(new("Joana", "Ferreira", BirthDate: Born), new("Joana", "Fereira", BirthDate: Born));
        Assert.Equal(MatchVerdict.PossibleDuplicate, typo.VerdictAt(MatchThresholds.Default));
        Assert.Equal("similar name, same birth date", typo.Explanation);
        var swapped = PersonMatcher.Score(new("Chen", "Wei", BirthDate: Born), new("Wei", "Chen", BirthDate: Born));
        Assert.Contains("first and last names swapped", swapped.Reasons);
        Assert.Equal(MatchVerdict.SamePerson, swapped.VerdictAt(MatchThresholds.Default));
    }

    [Fact]
    public void Placeholder_names_that_differ_by_a_digit_are_different_people()
    {
        Assert.Equal("STUDENT UCI 0001", MatchKeys.Name("Student UCI-0001"));
        var imported = PersonMatcher.Score(new("Student", "UCI-0001", BirthDate: Born), new("Student", "UCI-0002", BirthDate: Born));
        Assert.Equal(MatchVerdict.NewPerson, imported.VerdictAt(MatchThresholds.Default));
    }

    [Fact]
    public void Different_birth_dates_outweigh_a_shared_name()
    {
        var namesakes = PersonMatcher.Score(new("Maria", "Santos", BirthDate: Born, PostalCode: "1000-001"), new("Maria", "Santos", BirthDate: Born.AddYears(-30), PostalCode: "1000-001"));
        Assert.Equal(MatchVerdict.NewPerson, namesakes.VerdictAt(MatchThresholds.Default));
        Assert.Contains("different birth dates", namesakes.Reasons);
    }

    [Fact]
    public void A_phone_in_another_format_and_a_name_are_a_possible_duplicate_and_with_the_postcode_the_same_person()
    {
        var a = new PersonFacts("Tiago", "Costa", Phone: "912 345 678");
        var b = new PersonFacts("Tiago", "Costa", Phone: "+351912345678");
        Assert.Equal(MatchVerdict.PossibleDuplicate, PersonMatcher.Score(a, b, "351").VerdictAt(MatchThresholds.Default));
        Assert.Equal(MatchVerdict.SamePerson, PersonMatcher.Score(a with { PostalCode = "4000-100" }, b with { PostalCode = "4000 100" }, "351").VerdictAt(MatchThresholds.Default));
        Assert.Equal(MatchVerdict.NewPerson, PersonMatcher.Score(new("Tiago", "Costa"), new("Rita", "Lopes")).VerdictAt(MatchThresholds.Default));
    }

    [Fact]
    public void An_external_id_alone_is_the_same_person_and_scores_are_symmetric()
    {
        var a = new PersonFacts("A", "Person", ExternalId: "s-2024-001");
        var b = new PersonFacts("Someone", "Else", ExternalId: "S-2024-001");
        Assert.Equal(MatchVerdict.SamePerson, PersonMatcher.Score(a, b).VerdictAt(MatchThresholds.Default));
        var c = new PersonFacts("Joana", "Ferreira", "j@x.org", "912345678", Born, "1000-001");
        var d = new PersonFacts("Joanna", "Ferreira", null, "+351 912 345 678", Born.AddDays(1), null);
        Assert.Equal(PersonMatcher.Score(c, d, "351"), PersonMatcher.Score(d, c, "351"), new ScoreComparer());
    }

    private sealed class ScoreComparer : IEqualityComparer<MatchScore>
    {
        public bool Equals(MatchScore? x, MatchScore? y) => x!.Score == y!.Score && x.Reasons.SequenceEqual(y.Reasons);
        public int GetHashCode(MatchScore obj) => obj.Score;
    }
}
