namespace AmlRbac.Tests.PowerShell;

/// <summary>
/// A docs/*.md help page split the way build/New-ModuleHelp.ps1 splits it into MAML: "# Title", then
/// "## SECTION" headings, each with its text and its "### Sub" headings. Lines inside ``` fences are
/// text, never headings (a PowerShell comment starts with '#').
/// </summary>
internal sealed class HelpPage
{
    private HelpPage(string title, IReadOnlyList<HelpSection> sections)
    {
        Title = title;
        Sections = sections;
    }

    public string Title { get; }

    public IReadOnlyList<HelpSection> Sections { get; }

    public HelpSection? this[string name] => Sections.FirstOrDefault(s => s.Name == name);

    public static HelpPage Read(string path)
    {
        var title = string.Empty;
        var sections = new List<HelpSection>();
        var inCode = false;
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
            }
            if (!inCode && line.StartsWith("# ", StringComparison.Ordinal))
            {
                title = line[2..].Trim();
            }
            else if (!inCode && line.StartsWith("## ", StringComparison.Ordinal))
            {
                sections.Add(new HelpSection(line[3..].Trim()));
            }
            else if (!inCode && line.StartsWith("### ", StringComparison.Ordinal) && sections.Count > 0)
            {
                sections[^1].Subsections.Add(new HelpSection(line[4..].Trim()));
            }
            else if (sections.Count > 0)
            {
                var section = sections[^1];
                (section.Subsections.Count > 0 ? section.Subsections[^1] : section).Lines.Add(line);
            }
        }
        return new HelpPage(title, sections);
    }
}

/// <summary>A heading and the lines under it (up to the next heading of the same or a higher level).</summary>
internal sealed class HelpSection
{
    public HelpSection(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public List<string> Lines { get; } = new();

    public List<HelpSection> Subsections { get; } = new();

    /// <summary>The text outside code fences, trimmed.</summary>
    public string Text
    {
        get
        {
            var inCode = false;
            var text = new List<string>();
            foreach (var line in Lines)
            {
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    inCode = !inCode;
                }
                else if (!inCode)
                {
                    text.Add(line);
                }
            }
            return string.Join("\n", text).Trim();
        }
    }

    /// <summary>The lines of the first ``` fence, without the fences.</summary>
    public IReadOnlyList<string> Code =>
        Lines.SkipWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).ToList();
}
