#!/usr/bin/env python3
"""A size table of a wasm module by crate: the code bytes of each function, named from the
module's name section, summed by crate, plus the data section. Run it on the output of
wasm-bindgen before wasm-opt (which drops the names): `make bench-profile` does.
Usage: bench/wasm_sizes.py FILE.wasm [TOP]"""
import re
import sys


def leb(buf, pos):
    result = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def sections(buf):
    pos = 8
    while pos < len(buf):
        sid = buf[pos]
        size, pos = leb(buf, pos + 1)
        yield sid, buf[pos:pos + size]
        pos += size


def imported_functions(body):
    count, pos = leb(body, 0)
    funcs = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            n, pos = leb(body, pos)
            pos += n
        kind = body[pos]
        pos += 1
        if kind == 0:
            _, pos = leb(body, pos)
            funcs += 1
        elif kind == 1:  # table: reftype, limits
            pos += 1
            flags, pos = leb(body, pos)
            _, pos = leb(body, pos)
            if flags & 1:
                _, pos = leb(body, pos)
        elif kind == 2:  # memory: limits
            flags, pos = leb(body, pos)
            _, pos = leb(body, pos)
            if flags & 1:
                _, pos = leb(body, pos)
        elif kind == 3:  # global: type, mutability
            pos += 2
    return funcs


def function_names(body):
    names, pos = {}, 0
    while pos < len(body):
        sub = body[pos]
        size, pos = leb(body, pos + 1)
        end = pos + size
        if sub == 1:
            count, p = leb(body, pos)
            for _ in range(count):
                idx, p = leb(body, p)
                n, p = leb(body, p)
                names[idx] = body[p:p + n].decode('utf-8', 'replace')
                p += n
        pos = end
    return names


def crate_of(name):
    """The crate a function's code belongs to: its own path's first word, or for a trait
    method (`<T as trait_crate::Trait>::f`) the crate of the trait, where generic code lives."""
    if name.startswith('__wbindgen_describe'):
        return '(wasm-bindgen descriptors: dropped by wasm-bindgen)'
    trait = re.search(r'\$u20\$as\$u20\$([a-z_][a-z0-9_]*)\.\.', name) or re.search(r' as ([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::', name)
    if trait and trait.group(1) not in ('core', 'alloc', 'std'):
        return trait.group(1)
    implementer = re.match(r'(?:_ZN\d+)?_?\$?LT\$(?:\$RF\$)?(?:mut\$u20\$)?([a-z_][a-z0-9_]*)\.\.', name) or re.match(r'<(?:&(?:mut )?)?([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::', name)
    if trait and implementer:
        return implementer.group(1)
    legacy = re.match(r'_ZN(\d+)', name)
    if legacy:
        n = int(legacy.group(1))
        word = name[len(legacy.group(0)):len(legacy.group(0)) + n]
        if word.startswith('_$LT$'):
            inner = re.search(r'\$LT\$([a-z_][a-z0-9_]*)', word)
            return inner.group(1) if inner else word
        return word
    plain = re.match(r'<?([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::', name)
    if plain:
        return plain.group(1)
    return '(other)'


def main():
    buf = open(sys.argv[1], 'rb').read()
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    imports, codes, names, data = 0, [], {}, 0
    for sid, body in sections(buf):
        if sid == 2:
            imports = imported_functions(body)
        elif sid == 10:
            count, pos = leb(body, 0)
            for _ in range(count):
                size, pos2 = leb(body, pos)
                codes.append(size + (pos2 - pos))
                pos = pos2 + size
        elif sid == 11:
            data = len(body)
        elif sid == 0:
            n, p = leb(body, 0)
            if body[p:p + n] == b'name':
                names = function_names(body[p + n:])
    by_crate = {}
    for i, size in enumerate(codes):
        crate = crate_of(names.get(i + imports, '?'))
        by_crate[crate] = by_crate.get(crate, 0) + size
    total = sum(codes) + data
    print(f'{"crate":<32} {"KB":>8} {"share":>6}')
    rows = sorted(by_crate.items(), key=lambda kv: -kv[1])[:top] + [('(data: strings, tables)', data)]
    for crate, size in sorted(rows, key=lambda kv: -kv[1]):
        print(f'{crate:<32} {size / 1024:>8.1f} {100 * size / total:>5.1f}%')
    print(f'{"total code + data":<32} {total / 1024:>8.1f}')


main()
