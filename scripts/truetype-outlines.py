"""truetype-outlines.py IN OUT: the subset canvas font with its cubic (CFF) outlines turned
into quadratic (TrueType) ones, within 1/500 of the em (0.09 px at the largest size the
figure draws, 45 px). stb_truetype reads a glyph's box straight from a TrueType outline but
runs a CFF outline's whole program for it, and the font atlas is built on the figure's start:
the atlas took 33 instead of 46 ms at 4x CPU (medians of 6 loads), natively 0.9 instead of
1.3 ms (bench/README.md)."""
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable


def main(source, target):
    font = TTFont(source)
    if 'CFF ' not in font:
        font.save(target)
        return
    glyphs = font.getGlyphSet()
    order = font.getGlyphOrder()
    glyf = newTable('glyf')
    glyf.glyphOrder = order
    glyf.glyphs = {}
    max_error = font['head'].unitsPerEm / 500
    for name in order:
        pen = TTGlyphPen(glyphs)
        # TrueType winds outer contours clockwise, PostScript counter-clockwise.
        glyphs[name].draw(Cu2QuPen(pen, max_error, reverse_direction=True))
        glyf[name] = pen.glyph()
    font['glyf'] = glyf
    font['loca'] = newTable('loca')
    del font['CFF ']
    # maxp 1.0 (TrueType's): the counts are recomputed on save; no hinting, so no zones.
    maxp = font['maxp']
    maxp.tableVersion = 0x00010000
    for field in ('maxPoints', 'maxContours', 'maxCompositePoints', 'maxCompositeContours', 'maxTwilightPoints',
                  'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs', 'maxStackElements',
                  'maxSizeOfInstructions', 'maxComponentElements', 'maxComponentDepth'):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font['head'].glyphDataFormat = 0
    font.sfntVersion = '\x00\x01\x00\x00'
    font.save(target)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
