using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OrderEngine.Runtime.CodeGen.Emit;

/// <summary>Hands out identifiers that are unique (ignoring case, as hint names must be) within one generator run.</summary>
internal sealed class NameAllocator
{
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public string Allocate(string desired)
    {
        var name = desired;
        for (var suffix = 2; !_used.Add(name); suffix++)
        {
            name = desired + "_" + suffix.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>Turns a type or assembly name into a C# identifier: every other character becomes '_'.</summary>
    public static string Sanitize(string name)
    {
        if (name.StartsWith("global::", StringComparison.Ordinal))
        {
            name = name.Substring("global::".Length);
        }

        var builder = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            var keep = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
            if (keep)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[builder.Length - 1] != '_')
            {
                builder.Append('_');
            }
        }

        while (builder.Length > 0 && builder[builder.Length - 1] == '_')
        {
            builder.Length--;
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
