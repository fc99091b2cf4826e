import Box from '@material-ui/core/Box';
import { ReactNode, useLayoutEffect, useState } from 'react';

/**
 * The width of an element, measured when it mounts and whenever it is resized.
 */
function useElementWidth(): [(element: HTMLDivElement | null) => void, number] {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);

  useLayoutEffect(() => {
    if (!element) {
      return undefined;
    }
    const measure = () =>
      setWidth(Math.floor(element.getBoundingClientRect().width));
    measure();
    if (typeof ResizeObserver === 'undefined') {
      window.addEventListener('resize', measure);
      return () => window.removeEventListener('resize', measure);
    }
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);

  return [setElement, width];
}

/** @internal */
export interface ChartFrameProps {
  height: number;
  /** A fixed width; by default the chart takes the width of its container. */
  width?: number;
  /** Renders the chart at the given width. */
  children: (width: number) => ReactNode;
}

/**
 * Gives a chart the width of its container. Charts are drawn for sighted users only (hidden
 * from assistive technology): every chart comes with a table of the same numbers.
 *
 * @remarks
 *
 * Nothing is drawn while the container has no width, e.g. in jsdom.
 *
 * @internal
 */
export function ChartFrame(props: ChartFrameProps) {
  const { height, children } = props;
  const [ref, measured] = useElementWidth();
  const width = Math.floor(props.width ?? measured);
  return (
    <Box width="100%" height={height} aria-hidden>
      <div ref={ref} style={{ width: '100%', height: '100%' }}>
        {width > 0 && children(width)}
      </div>
    </Box>
  );
}
