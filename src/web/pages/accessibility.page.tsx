import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';

// The accessibility statement (webtilgængelighedsloven). Municipalities publish their own through
// Digitaliseringsstyrelsen's "Was"-tool; this page states what the software itself meets.
export function AccessibilityPage({ ctx }: { ctx: PageContext }) {
  const title = ctx.t('a11y.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {ctx.lang === 'da' ? (
        <>
          <p class="font-lead">
            Borgerbudget skal kunne bruges af alle, også med skærmlæser, forstørrelse eller kun tastatur.
          </p>
          <h2>Overholdelse</h2>
          <p>
            Borgerbudget er bygget til at overholde WCAG 2.1 på niveau AA. Siderne er lavet med Det Fælles
            Designsystem og virker uden JavaScript. Alle sider testes automatisk med axe-core på computer og
            på en mobilskærm på 375 punkter.
          </p>
          <h2>Kendte begrænsninger</h2>
          <p>
            Dokumenter, som brugerne selv lægger op (fx kvitteringer), kan være utilgængelige. Dem kan vi ikke
            rette.
          </p>
          <h2>Kontakt</h2>
          <p>
            Oplever du problemer, så kontakt din kommune. Kommunen har det endelige ansvar og offentliggør sin
            egen tilgængelighedserklæring. Du kan klage til Digitaliseringsstyrelsen, hvis du ikke får et
            tilfredsstillende svar.
          </p>
        </>
      ) : (
        <>
          <p class="font-lead">
            Borgerbudget must be usable by everyone, also with a screen reader, magnification or a keyboard
            only.
          </p>
          <h2>Compliance</h2>
          <p>
            Borgerbudget is built to meet WCAG 2.1 level AA. The pages use Det Fælles Designsystem and work
            without JavaScript. Every page is tested automatically with axe-core on desktop and on a 375-pixel
            mobile screen.
          </p>
          <h2>Known limitations</h2>
          <p>
            Documents that users upload themselves (such as receipts) may not be accessible. We cannot fix
            those.
          </p>
          <h2>Contact</h2>
          <p>
            If you run into problems, contact your municipality, which is responsible and publishes its own
            accessibility statement. You can complain to the Danish Agency for Digital Government if the
            answer is not satisfactory.
          </p>
        </>
      )}
    </Layout>
  );
}
