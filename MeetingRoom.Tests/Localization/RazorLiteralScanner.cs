using System.Text.RegularExpressions;

namespace MeetingRoom.Tests.Localization;

/// <summary>A user-visible literal found in a .razor file: where, and the text.</summary>
public sealed record RazorLiteral(int Line, string Text)
{
    public override string ToString() => $"{Line}: {Text}";
}

/// <summary>
/// Finds user-visible literal text in Razor markup (requirement D4: every word people read comes from resources):
/// text between tags that holds a letter, outside <c>@…</c> expressions, <c>@code</c>/<c>@functions</c> blocks,
/// comments, <c>&lt;script&gt;</c> and <c>&lt;style&gt;</c>; and the attributes people read or hear
/// (<see cref="ReadAttributes"/>) written as a literal with a letter. A heuristic, not a Razor parser: C# statements
/// inside markup blocks (a line ending in <c>;</c>, <c>case …:</c>, <c>else</c>) are taken for code.
/// </summary>
public static partial class RazorLiteralScanner
{
    /// <summary>Attributes whose value people read or hear.</summary>
    public static readonly IReadOnlySet<string> ReadAttributes = new HashSet<string>(StringComparer.Ordinal)
    {
        "Label", "Title", "Text", "Placeholder", "HelperText", "aria-label", "title", "alt", "ButtonText",
    };

    /// <summary>
    /// Texts that may stay literal, with why. Keep it short: a word here is a word a Korean member may meet.
    /// </summary>
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        "MeetingRoom", // the product's brand, the same in every language
    };

    private static readonly string[] Directives =
        ["page", "using", "inject", "attribute", "inherits", "implements", "layout", "rendermode", "typeparam", "namespace", "preservewhitespace"];

    private static readonly string[] BlockKeywords = ["if", "foreach", "for", "while", "switch", "using", "lock", "do", "try", "catch", "finally", "else"];

    /// <summary>The literals in one file's Razor source, in order.</summary>
    public static IReadOnlyList<RazorLiteral> Scan(string source)
    {
        var s = Blank(source, CommentPattern());
        s = BlankCodeBlocks(s);
        s = Blank(s, ScriptOrStylePattern());
        var found = new List<RazorLiteral>();
        var text = new System.Text.StringBuilder();
        var textStart = 0;
        var i = 0;

        void Flush()
        {
            if (text.Length > 0) CheckText(s, textStart, text.ToString(), found);
            text.Clear();
        }

        while (i < s.Length)
        {
            var c = s[i];
            if (c == '<' && i + 1 < s.Length && (char.IsLetter(s[i + 1]) || s[i + 1] is '/' or '!'))
            {
                Flush();
                i = s[i + 1] == '!' && s.AsSpan(i).StartsWith("<!--") ? End(s, s.IndexOf("-->", i, StringComparison.Ordinal), 3)
                    : s[i + 1] is '/' or '!' ? End(s, s.IndexOf('>', i), 1)
                    : ScanTag(s, i, found);
                textStart = i;
            }
            else if (c == '@')
            {
                Flush();
                i = SkipRazor(s, i);
                textStart = i;
            }
            else if (c == '}' && ElsePattern().Match(s, i) is { Success: true } m)
            {
                Flush();
                i = m.Index + m.Length;
                while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
                if (i < s.Length && s[i] == '(') i = Balanced(s, i);
                textStart = i;
            }
            else
            {
                if (text.Length == 0) textStart = i;
                text.Append(c);
                i++;
            }
        }
        Flush();
        return found;
    }

    private static void CheckText(string s, int start, string text, List<RazorLiteral> found)
    {
        var offset = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = Entity().Replace(rawLine, " ").Trim().Trim('{', '}').Trim();
            if (IsWording(line) && !line.EndsWith(';') && !CaseLabel().IsMatch(line) && !Allowed.Contains(line))
                found.Add(new RazorLiteral(LineOf(s, start + offset + (rawLine.Length - rawLine.TrimStart().Length)), line));
            offset += rawLine.Length + 1;
        }
    }

    private static bool IsWording(string text) => text.Any(char.IsLetter);

    /// <summary>Reads a start tag at <paramref name="i"/> ('&lt;'), checks its read attributes; returns the index after it.</summary>
    private static int ScanTag(string s, int i, List<RazorLiteral> found)
    {
        i++;
        while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '.' or '-' or ':' or '_')) i++;
        while (i < s.Length && s[i] != '>')
        {
            if (char.IsWhiteSpace(s[i]) || s[i] == '/') { i++; continue; }
            var nameStart = i;
            if (s[i] == '@') // @bind-Value, @onclick, @key, @attributes
            {
                i++;
                if (i < s.Length && s[i] == '(') { i = Balanced(s, i); continue; }
            }
            while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] is not ('=' or '>' or '/')) i++;
            var name = s[nameStart..i];
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            if (i >= s.Length || s[i] != '=') continue;
            i++;
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            var valueStart = i;
            i = AttributeValueEnd(s, i);
            var value = s[valueStart..i].Trim('"', '\'');
            if (ReadAttributes.Contains(name) && !value.StartsWith('@') && IsWording(Entity().Replace(value, " "))
                && !Allowed.Contains(value))
                found.Add(new RazorLiteral(LineOf(s, valueStart), $"{name}=\"{value}\""));
        }
        return Math.Min(i + 1, s.Length);
    }

    /// <summary>The end of an attribute value: a quoted value (with Razor expressions in it skipped whole) or a bare one.</summary>
    private static int AttributeValueEnd(string s, int i)
    {
        if (i >= s.Length) return i;
        var quote = s[i];
        if (quote is not ('"' or '\''))
        {
            if (s[i] == '@') return SkipRazor(s, i);
            while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] != '>') i++;
            return i;
        }
        i++;
        while (i < s.Length && s[i] != quote)
            i = s[i] == '@' ? SkipRazor(s, i) : i + 1;
        return Math.Min(i + 1, s.Length);
    }

    /// <summary>Skips a Razor transition at <paramref name="i"/> ('@'): an expression, a block, a directive line, a keyword's header.</summary>
    private static int SkipRazor(string s, int i)
    {
        if (i + 1 >= s.Length) return i + 1;
        var next = s[i + 1];
        if (next == '@') return i + 2; // an escaped '@'
        if (next is '(' or '{') return Balanced(s, i + 1);
        var j = i + 1;
        while (j < s.Length && (char.IsLetterOrDigit(s[j]) || s[j] == '_')) j++;
        var word = s[(i + 1)..j];
        if (word.Length == 0) return i + 1;
        if (Directives.Contains(word) && (i == 0 || s[i - 1] == '\n'))
        {
            var eol = s.IndexOf('\n', j);
            return eol < 0 ? s.Length : eol;
        }
        if (BlockKeywords.Contains(word))
        {
            while (j < s.Length && char.IsWhiteSpace(s[j])) j++;
            if (j < s.Length && s[j] == '(') j = Balanced(s, j);
            return j; // the block's '{' and '}' are punctuation to the text scan
        }
        while (j < s.Length) // member access, calls and indexers: @Foo.Bar(x)[y]?.Baz
        {
            if (s[j] is '(' or '[') j = Balanced(s, j);
            else if (s[j] == '.' && j + 1 < s.Length && char.IsLetter(s[j + 1])) j++;
            else if (s[j] == '?' && j + 2 < s.Length && s[j + 1] == '.' && char.IsLetter(s[j + 2])) j += 2;
            else if (char.IsLetterOrDigit(s[j]) || s[j] == '_') j++;
            else break;
        }
        return j;
    }

    /// <summary>The index after the bracket that closes the one at <paramref name="i"/>, skipping C# strings and chars.</summary>
    private static int Balanced(string s, int i)
    {
        var depth = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '/' && i + 1 < s.Length && s[i + 1] is '/' or '*') // a C# comment
            {
                i = s[i + 1] == '/' ? End(s, s.IndexOf('\n', i), 0) : End(s, s.IndexOf("*/", i + 2, StringComparison.Ordinal), 2);
                continue;
            }
            if (c is '"' or '\'')
            {
                var verbatim = i > 0 && s[i - 1] == '@' && c == '"';
                i++;
                while (i < s.Length && s[i] != c)
                {
                    if (s[i] == '\\' && !verbatim) i++;
                    i++;
                }
            }
            else if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}' && --depth == 0) return i + 1;
            i++;
        }
        return s.Length;
    }

    /// <summary>Removes <c>@code { … }</c> and <c>@functions { … }</c> blocks, keeping the line count.</summary>
    private static string BlankCodeBlocks(string s)
    {
        foreach (Match m in CodeBlockPattern().Matches(s).Reverse())
        {
            var end = Balanced(s, m.Index + m.Length - 1);
            s = s[..m.Index] + KeepLines(s[m.Index..end]) + s[end..];
        }
        return s;
    }

    private static string Blank(string s, Regex pattern) => pattern.Replace(s, m => KeepLines(m.Value));

    private static string KeepLines(string removed) => new(removed.Select(ch => ch == '\n' ? '\n' : ' ').ToArray());

    private static int End(string s, int found, int length) => found < 0 ? s.Length : found + length;

    private static int LineOf(string s, int index) => 1 + s.AsSpan(0, Math.Min(index, s.Length)).Count('\n');

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();

    [GeneratedRegex(@"<(script|style)\b.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStylePattern();

    [GeneratedRegex(@"(?m)^\s*@(code|functions)\s*\{")]
    private static partial Regex CodeBlockPattern();

    [GeneratedRegex(@"\G\}\s*else\b(\s+if\b)?")]
    private static partial Regex ElsePattern();

    [GeneratedRegex(@"&#?\w+;")]
    private static partial Regex Entity();

    [GeneratedRegex(@"^(case\s.+|default)\s*:$|^break;$")]
    private static partial Regex CaseLabel();
}
