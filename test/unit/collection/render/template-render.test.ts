import { describe, expect, test } from 'vitest';
import { fieldIsEmpty } from '../../../../extension/collection/render/field-empty.ts';
import { TemplateError } from '../../../../extension/collection/render/template-error.ts';
import { parseTemplate } from '../../../../extension/collection/render/template-parse.ts';
import { renderTemplate, type RenderContext } from '../../../../extension/collection/render/template-render.ts';

function ctx(fields: Record<string, string>, extra: Partial<RenderContext> = {}): RenderContext {
  const map = new Map(Object.entries(fields));
  const nonEmpty = new Set([...map].filter(([, v]) => !fieldIsEmpty(v)).map(([k]) => k));
  return { fields: map, nonEmpty, cardOrd: 0, question: true, frontSide: '', ...extra };
}

const render = (template: string, c: RenderContext) => renderTemplate(parseTemplate(template), c);

function renderError(template: string, c: RenderContext): string {
  try {
    render(template, c);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return (e as Error).message;
  }
  throw new Error(`no error for ${template}`);
}

describe('renderTemplate', () => {
  const fields = ctx({ Front: '<b>front</b>', Back: 'back', Empty: ' <br> <div></div>', c1: '1' });

  test('fields are inserted as raw HTML; text and comments are kept', () => {
    expect(render('Q: {{Front}}<!-- {{Nope}} -->{{ Back }}', fields)).toBe('Q: <b>front</b><!-- {{Nope}} -->back');
  });

  test('conditionals', () => {
    expect(render('{{#Front}}has{{/Front}}{{^Front}}hasnt{{/Front}}', fields)).toBe('has');
    expect(render('{{#Empty}}has{{/Empty}}{{^Empty}}empty{{/Empty}}', fields)).toBe('empty');
    expect(render('{{#Front}}a{{#Back}}b{{^Empty}}c{{/Empty}}{{/Back}}{{/Front}}', fields)).toBe('abc');
    expect(render('{{#Empty}}{{Front}}{{/Empty}}x', fields)).toBe('x');
  });

  test('card-number sections: c<ord+1> is set, other numbers are simply empty', () => {
    expect(render('{{#c1}}one{{/c1}}{{#c2}}two{{/c2}}{{^c3}}not3{{/c3}}', fields)).toBe('onenot3');
  });

  test('FrontSide inserts the given front, ignoring filters; empty on the question', () => {
    const answer = ctx({ Back: 'back' }, { frontSide: '<i>q</i>', question: false });
    expect(render('{{FrontSide}}<hr>{{text:FrontSide}}', answer)).toBe('<i>q</i><hr><i>q</i>');
    expect(render('[{{FrontSide}}]', fields)).toBe('[]');
  });

  test('a filter with no field name renders nothing', () => {
    expect(render('a{{text:}}{{tts-voices:}}b', fields)).toBe('ab');
  });

  test('unknown fields and sections are errors worded as Anki’s', () => {
    expect(renderError('{{Nope}}', fields)).toBe("Found '{{Nope}}', but there is no field called 'Nope'");
    expect(renderError('{{hint:text:Nope}}', fields)).toBe("Found '{{hint:text:Nope}}', but there is no field called 'Nope'");
    expect(renderError('{{#Nope}}x{{/Nope}}', fields)).toBe("Found '{{#Nope}}', but there is no field called 'Nope'");
    expect(renderError('{{^Nope}}x{{/Nope}}', fields)).toBe("Found '{{^Nope}}', but there is no field called 'Nope'");
    expect(renderError('{{}}', fields)).toBe("Found '{{}}', but there is no field called ''");
  });

  test('an unknown field inside a section that does not show is still an error', () => {
    expect(renderError('{{#Empty}}{{Nope}}{{/Empty}}', fields)).toBe("Found '{{Nope}}', but there is no field called 'Nope'");
  });

  test('filters run with the context’s card number', () => {
    const cloze = ctx({ Text: '{{c1::a}} {{c2::b}}' }, { cardOrd: 1 });
    expect(render('{{cloze:Text}}', cloze)).toBe(
      '<span class="cloze-inactive" data-ordinal="1">a</span> <span class="cloze" data-cloze="b" data-ordinal="2">[...]</span>',
    );
    expect(render('{{text:Front}}', fields)).toBe('front');
  });
});
