import { NotFoundResult } from '../components/ResultPages';

export default function NotFoundPage() {
  return <NotFoundResult />;
}
