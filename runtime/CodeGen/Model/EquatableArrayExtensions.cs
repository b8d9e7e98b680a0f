using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace OrderEngine.Runtime.CodeGen.Model;

internal static class EquatableArrayExtensions
{
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
        where T : IEquatable<T> =>
        new(items.ToImmutableArray());
}
