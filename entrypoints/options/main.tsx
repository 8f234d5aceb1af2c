import { mountApp } from '@/components/mountApp';
import { App } from './App';
import './options.css';

mountApp(App, 'options_title');
